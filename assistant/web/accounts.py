"""Staff accounts: create, list, change role, deactivate, set a password.

Used by ``assistant users`` and the admin page alike. Names are short and plain (letters,
digits, ``.``, ``_``, ``-``, ``@``) because they appear in the audit log and in the reply's
approval record; roles are ``reviewer`` and ``admin``.
"""

from __future__ import annotations

import asyncio
import re

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from assistant.errors import AccountError
from assistant.history.models import AuditEntry, User, WebSession
from assistant.web.auth import ROLES, Passwords, password_problem

_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,99}$")
ROLE_LABELS = {"reviewer": "Prüferin/Prüfer", "admin": "Administration"}


async def create(db: AsyncSession, passwords: Passwords, username: str, role: str,
                 password: str, actor: str) -> User:
    username = username.strip()
    if not _USERNAME.match(username):
        raise AccountError("Der Benutzername darf nur Buchstaben, Ziffern und . _ - @ enthalten "
                           "(2 bis 100 Zeichen).", "username")
    if role not in ROLES:
        raise AccountError("Die Rolle muss „reviewer“ oder „admin“ sein.", "role")
    problem = password_problem(password)
    if problem:
        raise AccountError(problem, "password")
    if (await db.execute(select(User.id).where(User.username == username))).first():
        raise AccountError(f"Den Benutzernamen „{username}“ gibt es schon.", "username")
    hashed = await asyncio.to_thread(passwords.hash, password)
    user = User(username=username, password_hash=hashed, role=role, active=True)
    db.add(user)
    await db.flush()
    db.add(AuditEntry(actor=actor, action="user_added",
                      detail={"username": username, "role": role}))
    await db.commit()
    return user


async def update(db: AsyncSession, user_id: int, *, role: str, active: bool, actor: str,
                 self_id: int | None = None) -> User:
    user = await db.get(User, user_id)
    if user is None:
        raise AccountError("Dieses Konto gibt es nicht.")
    if role not in ROLES:
        raise AccountError("Die Rolle muss „reviewer“ oder „admin“ sein.", "role")
    if user.id == self_id and (role != user.role or not active):
        raise AccountError("Ihr eigenes Konto können Sie weder sperren noch herabstufen.")
    changed = {k: v for k, v in (("role", role), ("active", active))
               if getattr(user, k) != v}
    if not changed:
        return user
    user.role, user.active = role, active
    if not active:
        await db.execute(delete(WebSession).where(WebSession.user_id == user.id))
    db.add(AuditEntry(actor=actor, action="user_changed",
                      detail={"username": user.username, **changed}))
    await db.commit()
    return user


async def set_password(db: AsyncSession, passwords: Passwords, username: str, password: str,
                       actor: str) -> None:
    user = (await db.execute(select(User).where(User.username == username))).scalar()
    if user is None:
        raise AccountError(f"Den Benutzernamen „{username}“ gibt es nicht.", "username")
    problem = password_problem(password)
    if problem:
        raise AccountError(problem, "password")
    user.password_hash = await asyncio.to_thread(passwords.hash, password)
    user.failed_logins, user.locked_until = 0, None
    await db.execute(delete(WebSession).where(WebSession.user_id == user.id))
    db.add(AuditEntry(actor=actor, action="password_set", detail={"username": username}))
    await db.commit()


async def listing(db: AsyncSession) -> list[User]:
    return list((await db.execute(select(User).order_by(User.username))).scalars())
