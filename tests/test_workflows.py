"""The GitHub workflows: a real linter (zizmor, offline, every persona, syntax errors fatal)
finds nothing, and the hardening rules hold: actions pinned to full commit SHAs with their
version in a comment, read-only token by default, Pages rights only on the deploy job, no
pull_request_target, no persisted credentials, a concurrency group. Publishing waits for the
whole test suite on the same commit of main and refuses any other ref; pull requests get a
preview (artifacts and a job summary) that needs no secret, so forks get it too."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml  # workflow files are plain YAML (mkdocs.yml never is: it goes through MkDocs)

from sitekit.site import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).with_name("zizmor")
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
# A workflow of this repository, at the caller's own commit: nothing to pin.
SELF = re.compile(r"^\$/\.github/workflows/[\w.-]+\.ya?ml$")


def zizmor(*args: str) -> subprocess.CompletedProcess:
    executable = ZIZMOR if ZIZMOR.exists() else shutil.which("zizmor")
    assert executable, "zizmor is not installed: run `make test`, which installs requirements.txt"
    return subprocess.run([str(executable), "--offline", "--strict-collection", "--no-progress", *args],
                          capture_output=True, text=True)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    return {on: None} if isinstance(on, str) else dict.fromkeys(on) if isinstance(on, list) else on


def steps(workflow: dict):
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_name, step


def test_there_are_workflows():
    assert {path.name for path in WORKFLOWS} == {"test.yml", "deploy.yml"}


@pytest.mark.parametrize("persona", ["regular", "pedantic", "auditor"])
def test_zizmor_finds_nothing(persona):
    done = zizmor(f"--persona={persona}", str(GITHUB))
    assert done.returncode == 0, done.stdout + done.stderr
    for path in [*WORKFLOWS, GITHUB / "dependabot.yml"]:  # each was read and audited
        assert f"completed {path.relative_to(ROOT).as_posix()}" in done.stderr.replace(str(ROOT) + "/", ""), done.stderr


def test_zizmor_catches_a_bad_workflow(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "        with:\n"
        "          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8")
    done = zizmor(str(tmp_path))
    assert done.returncode != 0
    for audit in ("dangerous-triggers", "template-injection", "unpinned-uses", "artipacked"):
        assert audit in done.stdout, done.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    text = path.read_text(encoding="utf-8")
    used = [step["uses"] for _job, step in steps(load(path)) if "uses" in step]
    used += [job["uses"] for job in load(path)["jobs"].values() if "uses" in job and not SELF.match(job["uses"])]
    assert used
    for uses in used:
        assert PINNED.match(uses), f"{path.name}: {uses} is not pinned to a full commit SHA"
        assert re.search(rf"uses: {re.escape(uses)} # v\d+(\.\d+)*\s*$", text, re.M), \
            f"{path.name}: {uses} has no `# vX.Y.Z` comment with its version"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_token_is_read_only_by_default(path):
    assert load(path)["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_only_the_deploy_job_may_write(path):
    for name, job in load(path)["jobs"].items():
        writes = {scope for scope, level in (job.get("permissions") or {}).items() if level == "write"}
        if path.name == "deploy.yml" and name == "deploy":
            assert writes == {"pages", "id-token"}
            assert "steps" in job and all("run" not in step for step in job["steps"]), \
                "the deploy job runs nothing of the repository"
        else:
            assert not writes, f"{path.name}: job {name} asks for {writes}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_pull_request_target(path):
    assert "pull_request_target" not in triggers(load(path))
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_does_not_persist_credentials(path):
    checkouts = [step for _job, step in steps(load(path)) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_concurrency_group(path):
    assert load(path)["concurrency"]["group"]


def test_pull_requests_run_make_test_with_the_browser():
    workflow = load(GITHUB / "workflows" / "test.yml")
    assert "pull_request" in triggers(workflow)
    job = workflow["jobs"]["test"]
    assert job["env"]["SITE_REQUIRE_BROWSER"] == "1" and job["env"]["CHROMIUM_PATH"]
    assert any(step.get("run", "").strip() == "make test" for step in job["steps"])


def test_main_is_built_and_deployed_to_pages():
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    assert triggers(workflow)["push"] == {"branches": ["main"]}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert uses[-1] == "actions/upload-pages-artifact" and "actions/configure-pages" in uses
    assert any("make build" in step.get("run", "") for step in build["steps"])
    build_step = next(step for step in build["steps"] if "make build" in step.get("run", ""))
    assert "steps.pages.outputs.base_url" in build_step["env"]["SITE_URL"]
    checkout = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # page dates come from the whole history
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")


MAIN = "github.ref == 'refs/heads/main'"


def test_publishing_waits_for_the_tests_on_the_same_commit():
    deploy, tests = load(GITHUB / "workflows" / "deploy.yml"), load(GITHUB / "workflows" / "test.yml")
    assert "workflow_call" in triggers(tests), "deploy.yml calls the Test workflow"
    assert "push" not in triggers(tests), "main's tests run once, inside Deploy"
    test_job = deploy["jobs"]["test"]
    assert test_job["uses"] == "$/.github/workflows/test.yml"  # this repository, this commit
    assert "secrets" not in test_job
    build = deploy["jobs"]["build"]
    assert build["needs"] in ("test", ["test"]), "the build starts only once the tests have passed"
    assert deploy["jobs"]["deploy"]["needs"] == "build"
    # The same commit: the build checks out the pushed commit, the tests the run's default (the same).
    checkout = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["ref"] == "${{ github.sha }}"
    for _job, step in steps(tests):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert "ref" not in step.get("with", {}), "the tests check out the commit of the run"
    # The tests Deploy waits for are the whole suite, browser and Java required.
    assert any(step.get("run", "").strip() == "make test" for step in tests["jobs"]["test"]["steps"])


def test_the_deploy_refuses_any_ref_but_main():
    deploy = load(GITHUB / "workflows" / "deploy.yml")
    assert triggers(deploy)["push"] == {"branches": ["main"]}
    for name, job in deploy["jobs"].items():
        assert MAIN in job.get("if", ""), f"deploy.yml: job {name} would run for a manual run from another branch"


def test_pull_requests_get_a_preview_without_secrets():
    tests = load(GITHUB / "workflows" / "test.yml")
    text = (GITHUB / "workflows" / "test.yml").read_text(encoding="utf-8")
    assert "secrets." not in text and "pull_request_target" not in text
    job = tests["jobs"]["preview"]
    assert job["if"] == "github.event_name == 'pull_request'"
    assert not job.get("permissions"), "the read-only token of the workflow is enough"
    assert job["env"]["SITE_REQUIRE_BROWSER"] == "1" and job["env"]["CHROMIUM_PATH"]
    # It builds the site as the tests do: the same system packages first.
    installs = [step["run"] for step in tests["jobs"]["test"]["steps"] if "apt-get install" in step.get("run", "")]
    assert installs and all(any(run == step.get("run") for step in job["steps"]) for run in installs)
    preview = next(step for step in job["steps"] if step.get("run", "").strip() == "make preview")
    assert preview["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
    uploads = {step["with"]["path"]: step["with"] for step in job["steps"]
               if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads["preview/site/"]["name"] == "site"
    assert uploads["preview/screenshots/"]["name"] == "screenshots"
    assert uploads["preview/changed-pages.png"]["archive"] is False  # opens in the browser
    summary = job["steps"][-1]
    assert 'cat preview/summary.md' in summary["run"] and '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]
    assert "${{" not in summary["run"], "step outputs reach the script through env, never inlined"
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the changes and translation status come from git


def test_dependabot_updates_pip_and_actions():
    config = load(GITHUB / "dependabot.yml")
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "github-actions"}


def test_pull_request_template_has_the_checklist():
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for item in ("make check", "make status", "docs/uz/", "docs/ru/", "docs/en/", "../shared/sources/"):
        assert item in template
    assert template.count("- [ ]") >= 5


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_speech_engine_is_installed_before_the_site_is_built(path):
    """Listen's recordings are made at build time: both workflows install eSpeak NG and opusenc
    before `make build` / `make test` (without them the build fails instead of publishing)."""
    for name, job in load(path)["jobs"].items():
        runs = [step.get("run", "") for step in job.get("steps", [])]
        builds = [i for i, run in enumerate(runs) if re.search(r"\bmake (build|test)\b", run)]
        if not builds:
            continue
        installs = [i for i, run in enumerate(runs) if re.search(r"apt-get install .*\bespeak-ng\b.*\bopus-tools\b", run)]
        assert installs and installs[0] < builds[0], f"{path.name}: job {name} builds without espeak-ng and opus-tools"
    if path.name == "test.yml":
        assert load(path)["jobs"]["test"]["env"]["SITE_REQUIRE_SPEECH"] == "1"
