"""A real local Ray cluster (2 CPUs, no dashboard, no usage reports), started once per session
by the first test that asks for it; and a fixed subset of the bundled sample."""

from __future__ import annotations

import os
import tarfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT, SAMPLE, SEEDS

SUBSET_EVERY = 20
"""The subset takes every 20th file of each sample tarball (by name): 15 cables, 8 articles."""


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[Any]:
    ray = pytest.importorskip("ray", reason="the Ray executor needs the ray extra:"
                                            " pip install -e '.[ray]'")
    saved = {k: os.environ.get(k) for k in ("RAY_USAGE_STATS_ENABLED", "PYTHONPATH")}
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    # The workers import this test package (the plugin in tests/executors/plugin.py).
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), str(ROOT / "src"), saved["PYTHONPATH"]) if p)
    with warnings.catch_warnings():
        # Ray's start-up warns about its own internals (deprecated pkg_resources & co).
        warnings.simplefilter("ignore", DeprecationWarning)
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
                 configure_logging=False,
                 runtime_env={"worker_process_setup_hook": "tests.executors.plugin.register"})
    try:
        yield ray
    finally:
        ray.shutdown()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def sample_subset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the seed pair and every 20th file of each bundled sample tarball."""
    folder = tmp_path_factory.mktemp("subset")
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    for name in ("cablegate-sample.tar.xz", "bbc-sample.tar.xz"):
        with tarfile.open(SAMPLE / name) as tar:
            members = sorted((m for m in tar.getmembers() if m.isfile()), key=lambda m: m.name)
            for member in members[::SUBSET_EVERY]:
                data = tar.extractfile(member)
                assert data is not None
                target = folder / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data.read())
    return folder
