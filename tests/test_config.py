from pathlib import Path

import pytest

from rag.config import Settings


def test_every_setting_is_documented():
    for name, field in Settings.model_fields.items():
        assert field.description and len(field.description) > 15, f"setting {name} has no description"


def test_environment_overrides_file_and_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    config = tmp_path / "rag.toml"
    config.write_text('chunk_max_chars = 500\ncollection = "from-file"\n')
    monkeypatch.setenv("RAG_CONFIG", str(config))
    monkeypatch.setenv("RAG_COLLECTION", "from-env")
    settings = Settings()
    assert settings.chunk_max_chars == 500
    assert settings.collection == "from-env"
    assert Settings(collection="explicit").collection == "explicit"


def test_default_catalog_is_sqlite_inside_the_index(tmp_path: Path):
    settings = Settings(index_dir=tmp_path / "i")
    assert settings.resolved_catalog_url == f"sqlite:///{tmp_path / 'i' / 'catalog.sqlite'}"


def test_bad_values_are_rejected():
    with pytest.raises(ValueError):
        Settings(workers=0)
    with pytest.raises(ValueError):
        Settings(no_such_setting=1)
