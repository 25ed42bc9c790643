# The mail worker (and the other `assistant` commands) as a container image.
#
#   docker build -t wir-assistant .
#   docker run --read-only --tmpfs /tmp --env-file .env -v assistant-data:/data wir-assistant
#
# Stage 1 builds the package and its dependencies into a virtual environment (compiled to
# bytecode there, read-only); stage 2 copies only that environment and the curated content (knowledge/,
# intents/) onto a slim Python and runs as the unprivileged user 10001. /app (the two folders)
# and /opt/venv (the code) belong to root and carry no write bits: the folders are only the
# seed of the knowledge, which lives in the database and is edited in the web app ("Wissen").
# Nothing is written under /app: no bytecode (PYTHONDONTWRITEBYTECODE), HOME and temporary
# files in /tmp, mail, exports and the SQLite default in the /data volume; the image runs with
# a read-only root file system (compose.yaml: `read_only: true` and a tmpfs for /tmp). Set
# ASSISTANT_INBOX and ASSISTANT_DATABASE_URL for IMAP and PostgreSQL (see compose.yaml).

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
COPY pyproject.toml README.md ./
COPY assistant ./assistant
# The "train" extra (scikit-learn) lets `assistant intents train` refit the intent model in the
# container; classifying needs only numpy and the model file intents/model.json.
# pip compiles what it installs to bytecode (also with PYTHONDONTWRITEBYTECODE set), so the
# runtime never needs to write any; then no write bits are left (COPY --from keeps the modes).
RUN pip install --no-cache-dir "./[train]" \
 && python -c "import assistant.history.schema as s; assert s.head_revision()" \
 && chmod -R a-w /opt/venv

FROM python:3.11-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HOME=/tmp \
    TMPDIR=/tmp \
    ASSISTANT_KNOWLEDGE_DIR=/app/knowledge \
    ASSISTANT_INTENTS_DIR=/app/intents \
    ASSISTANT_INBOX=maildir:/data/mailbox \
    ASSISTANT_DATABASE_URL=sqlite:////data/assistant.db \
    ASSISTANT_EXPORT_DIR=/data/exports \
    ASSISTANT_LOG_FORMAT=json
RUN groupadd --system --gid 10001 assistant \
 && useradd --system --uid 10001 --gid assistant --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin assistant \
 && mkdir -p /data/mailbox/new /data/mailbox/cur /data/mailbox/tmp /data/exports \
 && chown -R assistant:assistant /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY knowledge ./knowledge
COPY intents ./intents
# Root's, and read-only for everyone: the app cannot change the seed.
RUN chmod -R a-w /app
USER 10001:10001
VOLUME ["/data"]
# Healthy while the database answers and the inbox was polled within three poll periods.
HEALTHCHECK --interval=60s --timeout=30s --start-period=90s --retries=3 \
  CMD ["assistant", "status", "--check"]
# SIGTERM (docker stop): the mail in hand gets 3 s to finish, then the worker ends its flow
# process, gives the mail back and exits, within docker's default 10 s grace.
STOPSIGNAL SIGTERM
CMD ["assistant", "run"]
