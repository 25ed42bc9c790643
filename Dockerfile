# The mail worker (and the other `assistant` commands) as a container image.
#
#   docker build -t wir-assistant .
#   docker run --env-file .env -v assistant-data:/data wir-assistant          # assistant run
#
# Stage 1 builds the package and its dependencies into a virtual environment; stage 2 copies
# only that environment and the curated content (knowledge/, intents/) onto a slim Python and
# runs as an unprivileged user; /app (code and the two folders) belongs to root and is read-only
# for it: the folders are only the seed of the knowledge, which lives in the database and is
# edited in the web app ("Wissen"). Mail and the SQLite default live in the /data volume; set
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
RUN pip install --no-cache-dir "./[train]" \
 && python -c "import assistant.history.schema as s; assert s.head_revision()"

FROM python:3.11-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    ASSISTANT_KNOWLEDGE_DIR=/app/knowledge \
    ASSISTANT_INTENTS_DIR=/app/intents \
    ASSISTANT_INBOX=maildir:/data/mailbox \
    ASSISTANT_DATABASE_URL=sqlite:////data/assistant.db \
    ASSISTANT_EXPORT_DIR=/data/exports \
    ASSISTANT_LOG_FORMAT=json
RUN groupadd --system --gid 10001 assistant \
 && useradd --system --uid 10001 --gid assistant --home-dir /app --shell /usr/sbin/nologin assistant \
 && mkdir -p /data/mailbox/new /data/mailbox/cur /data/mailbox/tmp \
 && chown -R assistant:assistant /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY knowledge ./knowledge
COPY intents ./intents
USER 10001:10001
VOLUME ["/data"]
# Healthy while the database answers and the inbox was polled within three poll periods.
HEALTHCHECK --interval=60s --timeout=30s --start-period=90s --retries=3 \
  CMD ["assistant", "status", "--check"]
# SIGTERM (docker stop): the mail in hand gets 3 s to finish, then the worker ends its flow
# process, gives the mail back and exits, within docker's default 10 s grace.
STOPSIGNAL SIGTERM
CMD ["assistant", "run"]
