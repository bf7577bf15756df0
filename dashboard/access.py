"""Who is asking: the scope every data-layer read and write is filtered by.

Pages and CLI commands never filter programs themselves; they pass a Scope to the
data layer, which restricts every query to `scope.programs` (None = all programs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["admin", "coordinator", "viewer"]
ROLES: tuple[Role, ...] = ("admin", "coordinator", "viewer")


class AccessDenied(PermissionError):
    """The scope does not reach that program or action."""


@dataclass(frozen=True)
class Scope:
    """A signed-in user (or the local operator) and the programs they may reach."""

    user: str
    role: Role
    programs: frozenset[str] | None  # None: every program (admin, local operator)
    # The demo visitor without an account: may look and try, never write anything persistent.
    anonymous: bool = False

    @classmethod
    def local_operator(cls) -> Scope:
        """The person at the machine's shell without an account: full access, as the file owner."""
        return cls(user="local", role="admin", programs=None)

    @property
    def can_write(self) -> bool:
        return not self.anonymous and self.role in ("admin", "coordinator")

    def allows(self, program_id: str) -> bool:
        return self.programs is None or program_id in self.programs

    def require(self, program_id: str, *, write: bool = False) -> None:
        """Raises AccessDenied unless this scope may read (or write) program_id."""
        if not self.allows(program_id):
            raise AccessDenied(f"{self.user} has no access to program {program_id}")
        if write and not self.can_write:
            raise AccessDenied(f"{self.user} may not change program {program_id}")

    def filter_programs(self, program_ids: list[str]) -> list[str]:
        """Returns those of program_ids this scope reaches."""
        return [p for p in program_ids if self.allows(p)]

    def sql_programs(self) -> list[str] | None:
        """Returns the program list to bind into `program_id IN (SELECT unnest(?))`, None = all."""
        return None if self.programs is None else sorted(self.programs)
