"""The optional mypyc build compiles only private modules, and only when asked to.

Compiled, a module's functions lose their docstrings and signatures, and its attrs classes
their docstrings and their annotations (which cattrs and users read): no module that defines a
public class or function may be listed.
Nothing is compiled here: ``benchmarks/compiled.py --check`` checks the compiled build itself
(``make test`` builds it and runs that check).
"""

from __future__ import annotations

import importlib
import inspect
import re
import tomllib

import cqcmodel.extract
import cqcmodel.extract._build

from .conftest import TESTS

ROOT = TESTS.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
HOOK = CONFIG["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["mypyc"]


def _listed_modules() -> list[str]:
    return [
        path.removeprefix("/src/").removesuffix(".py").replace("/", ".") for path in HOOK["include"]
    ]


def test_the_compiled_build_is_off_by_default() -> None:
    assert HOOK["enable-by-default"] is False


def test_the_listed_modules_exist_and_are_private() -> None:
    for path, name in zip(HOOK["include"], _listed_modules(), strict=True):
        assert (ROOT / path.lstrip("/")).is_file(), path
        assert name.startswith("cqcmodel.extract."), name
        assert name.rpartition(".")[2].startswith("_"), name
        importlib.import_module(name)


def test_the_package_knows_the_listed_modules() -> None:
    # cqcmodel.extract.COMPILED is told from this list: it must be the hook's.
    names = [f"cqcmodel.extract.{name}" for name in cqcmodel.extract._build.COMPILED_MODULES]
    assert names == _listed_modules()


def test_this_build_is_told_by_where_its_modules_loaded_from() -> None:
    # The tests run in the pure build (src) here and in the compiled one under compiled.py.
    files = [str(importlib.import_module(name).__file__) for name in _listed_modules()]
    assert cqcmodel.extract.COMPILED is all(file.endswith((".so", ".pyd")) for file in files)
    assert cqcmodel.extract.COMPILED is not any(file.endswith(".py") for file in files)


def test_no_public_class_or_function_is_defined_in_a_listed_module() -> None:
    listed = set(_listed_modules())
    public = [getattr(cqcmodel.extract, name) for name in cqcmodel.extract.__all__]
    defined = [item for item in public if inspect.isclass(item) or inspect.isfunction(item)]
    assert len(defined) == len(public) - 1  # all but the COMPILED flag
    for item in defined:
        assert item.__module__ not in listed, item


def _mypy_pin(requirements: list[str]) -> str:
    (pin,) = [re.sub(r"\s", "", item) for item in requirements if item.startswith("mypy")]
    return pin


def test_the_hook_runs_the_mypy_the_lint_extra_installs() -> None:
    lint = CONFIG["project"]["optional-dependencies"]["lint"]
    assert _mypy_pin(HOOK["dependencies"]) == _mypy_pin(lint)
    assert _mypy_pin(lint).startswith("mypy==")


def test_the_runtime_dependencies_stay_the_four() -> None:
    names = {re.split(r"[<>=!~ \[;]", item)[0] for item in CONFIG["project"]["dependencies"]}
    assert names == {"attrs", "cattrs", "lark", "selectolax"}


def test_the_release_wheels_are_the_compiled_build_for_each_python_listed() -> None:
    wheels = CONFIG["tool"]["cibuildwheel"]
    assert wheels["environment"]["HATCH_BUILD_HOOK_ENABLE_MYPYC"] == "1"
    built = {f"3.{minor}" for minor in re.findall(r"\bcp3(\d+)-\*", wheels["build"])}
    classified = {
        item.rpartition(" :: ")[2]
        for item in CONFIG["project"]["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", item)
    }
    assert built == classified == {"3.11", "3.12", "3.13"}
    assert CONFIG["project"]["requires-python"] == ">=3.11"


def test_each_release_wheel_is_checked_against_the_source_where_it_is_built() -> None:
    command = CONFIG["tool"]["cibuildwheel"]["test-command"].split()
    assert command[:2] == ["python", "{project}/benchmarks/compiled.py"]
    assert {"--check", "--compiled", "-", "--pure", "source"} <= set(command[2:])
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "cibuildwheel" in workflow
    assert "python -m build" in workflow  # the sdist and the pure-Python wheel
