"""Property tests of the chat API against its own OpenAPI description (schemathesis): requests
the description allows and requests it forbids, each answer checked against the description —
no server error, a documented status, the documented body and headers.

The strategies come from schemathesis and run under Hypothesis inside an ordinary test (the
schemathesis pytest plugin's fixture loader does not work with this pytest version).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from tests.site import open_site

EXAMPLES = {GenerationMode.POSITIVE: 60, GenerationMode.NEGATIVE: 40}


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda mode: mode.value)
def test_api_keeps_its_description(sqlite_template: Path, tmp_path: Path,
                                   mode: GenerationMode) -> None:
    with open_site(sqlite_template, tmp_path, chat_rate_per_minute="0",
                   chat_handovers_per_client_per_hour="0",
                   chat_handovers_per_address_per_day="0") as site:
        schema = schemathesis.openapi.from_asgi("/api/openapi.json", site.app)
        operations = [result.ok() for result in schema.get_all_operations()]
        assert {"POST /api/chat", "POST /api/chat/inquiry"} == {op.label for op in operations}
        for operation in operations:
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES[mode], deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            def check(case: Any) -> None:
                case.call_and_validate()

            check()
