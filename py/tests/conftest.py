"""Shared fixtures: the repository root and the release binary."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def binary() -> Path:
    """The command line (GONGWEN_BIN, or target/release/gongwen built here)."""
    env = os.environ.get("GONGWEN_BIN")
    if env:
        return Path(env)
    path = ROOT / "target" / "release" / "gongwen"
    if not path.exists():
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return path


def inputs() -> list:
    """Every sample input: input/*.txt and the constructed cases."""
    return sorted(ROOT.glob("input/*.txt")) + sorted(ROOT.glob("tests/cases/*.txt"))
