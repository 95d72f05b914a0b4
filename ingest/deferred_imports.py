"""Modules a parser worker imports but a fast parse never runs, loaded only when something uses them.

``unstructured``'s PDF path imports the layout-model code of ``unstructured_inference`` at the top of
its modules (ONNX Runtime, matplotlib for drawing boxes, pandas and scipy for merging model regions):
about 1 s of a worker's first PDF on 2 cores, for code only the ``hi_res`` strategy and OCR run.
``defer`` puts a stand-in for such a module in ``sys.modules``. Its attributes (``from m import f``
included) are stand-ins too, and the first real use of any of them (a call, an attribute, an
``isinstance``) imports the module for real and is served by it. So nothing changes in what runs;
only the import waits until it is needed, and for a fast parse that is never.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from typing import Any

# What a fast parse imports and never runs (measured: tests/test_deferred_imports.py):
# - unstructured_inference's page-layout code, imported by unstructured's PDF path for one helper
#   (rendering pages to images, for OCR); it brings ONNX Runtime, onnx, matplotlib, pandas and scipy;
# - unstructured_pytesseract, imported only to see whether it is installed (it brings pandas);
#   our OCR calls tesseract itself (ingest/ocr.py).
DEFERRED = ("unstructured_inference.inference.layout", "unstructured_inference.inference.layoutelement",
            "unstructured_pytesseract")


class _Deferred(types.ModuleType):
    """A module not imported yet; any attribute is a stand-in that imports it on first use."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            if name in _REAL_DUNDERS and self.__dict__.get("_rag_ready"):  # `import *`, a version check
                return getattr(_load(self.__name__), name)
            raise AttributeError(name)  # the import system's and inspect's probes: nothing to load for
        return _Attribute(self.__name__, name)


_REAL_DUNDERS = {"__file__", "__all__", "__version__"}


class _Attribute:
    """``getattr(module, name)`` once the module is really imported."""

    __slots__ = ("_module", "_name", "_target")

    def __init__(self, module: str, name: str) -> None:
        self._module, self._name, self._target = module, name, None

    def _resolve(self) -> Any:
        if self._target is None:
            self._target = getattr(_load(self._module), self._name)
        return self._target

    def __call__(self, *args, **kwargs):
        return self._resolve()(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._resolve(), name)

    def __instancecheck__(self, instance: object) -> bool:
        return isinstance(instance, self._resolve())

    def __subclasscheck__(self, subclass: type) -> bool:
        return issubclass(subclass, self._resolve())

    def __mro_entries__(self, bases: tuple) -> tuple:
        return (self._resolve(),)

    def __getitem__(self, key):
        return self._resolve()[key]

    def __repr__(self) -> str:
        return f"<deferred {self._module}.{self._name}>"


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = set(names)

    def find_spec(self, fullname, path, target=None):  # noqa: ARG002
        parent = fullname.rpartition(".")[0]
        if parent and isinstance(sys.modules.get(parent), _Deferred):
            _load(parent)  # a submodule of a deferred package: the package first, as a plain import would
            if fullname in sys.modules:  # the package imported it itself
                return importlib.util.spec_from_loader(fullname, _Existing(sys.modules[fullname]))
            return None
        if fullname not in self.names:
            return None
        real = importlib.machinery.PathFinder.find_spec(fullname, path)
        if real is None:
            return None  # not installed: the import fails as it would have
        spec = importlib.machinery.ModuleSpec(fullname, self, is_package=real.submodule_search_locations is not None)
        if real.submodule_search_locations is not None:  # a package: its submodules are imported as usual
            spec.submodule_search_locations = list(real.submodule_search_locations)
        return spec

    def create_module(self, spec):
        return _Deferred(spec.name)

    def exec_module(self, module) -> None:
        module.__dict__["_rag_ready"] = True


class _Existing(importlib.abc.Loader):
    """Hands the import system a module that is imported already (keeping its own spec)."""

    def __init__(self, module: types.ModuleType) -> None:
        self.module, self.spec = module, getattr(module, "__spec__", None)

    def create_module(self, spec):  # noqa: ARG002
        return self.module

    def exec_module(self, module) -> None:
        module.__spec__ = self.spec


_finder: _Finder | None = None


def defer(names: tuple[str, ...] = DEFERRED) -> None:
    """Defer these modules in this process (a parser worker), unless they are imported already."""
    global _finder
    if _finder is None:
        _finder = _Finder(())
        sys.meta_path.insert(0, _finder)
    _finder.names.update(name for name in names if name not in sys.modules)


def loaded(name: str) -> bool:
    """Whether ``name`` is really imported (not a stand-in)."""
    return name in sys.modules and not isinstance(sys.modules[name], _Deferred)


def _load(name: str) -> types.ModuleType:
    module = sys.modules.get(name)
    if module is not None and not isinstance(module, _Deferred):
        return module
    if _finder is not None:
        _finder.names.discard(name)
    stand_in = sys.modules.pop(name, None)
    real = importlib.import_module(name)
    if isinstance(stand_in, _Deferred):  # references to the stand-in module now read the real one's names
        stand_in.__dict__.update({k: v for k, v in vars(real).items() if not k.startswith("__")})
    parent, _, child = name.rpartition(".")
    if parent and parent in sys.modules:
        setattr(sys.modules[parent], child, real)
    return real
