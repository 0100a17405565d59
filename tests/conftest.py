from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


@pytest.fixture
def example_path() -> Path:
    return SCENARIOS / "voorbeeld.yaml"
