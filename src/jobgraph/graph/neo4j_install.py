"""Install Neo4j Community and APOC jars from Maven Central with Maven.

There is no server tarball on Maven Central and none is needed: the runtime
closure of ``org.neo4j:neo4j`` holds the whole server, including
``org.neo4j.server.CommunityEntryPoint``. APOC core and its companion
``apoc-common`` go into ``plugins/``; jars that ``lib/`` already has are dropped
from ``plugins/`` so that no class is on the class path twice.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from jobgraph.errors import EnvironmentToolError, Neo4jInstallError

DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
MARKER = "installed.json"
_JAR_VERSION = re.compile(r"-\d[\w.\-]*\.jar$")

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.jobgraph.local</groupId>
  <artifactId>{artifact}</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
{dependencies}
  </dependencies>
</project>
"""
_DEPENDENCY = (
    "    <dependency><groupId>{group}</groupId><artifactId>{artifact}</artifactId>"
    "<version>{version}</version></dependency>"
)


@dataclass(frozen=True)
class Installation:
    """An installed Neo4j: where its jars are and what it is."""

    root: Path
    version: str

    @property
    def lib_dir(self) -> Path:
        """Folder of the server's runtime jars."""
        return self.root / "lib"

    @property
    def plugins_dir(self) -> Path:
        """Folder of APOC and its own dependencies."""
        return self.root / "plugins"

    @property
    def classpath(self) -> str:
        """Java class path covering the server and the plugins."""
        return f"{self.lib_dir}/*:{self.plugins_dir}/*"

    def size_bytes(self) -> int:
        """Total size of the installed jars."""
        return sum(f.stat().st_size for f in self.root.rglob("*.jar"))


def java_major_version(java: str) -> int:
    """Return the major version of the given Java executable.

    Raises:
        EnvironmentToolError: Java is missing or its version cannot be read.
    """
    try:
        completed = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (FileNotFoundError, PermissionError) as error:
        raise EnvironmentToolError(
            f"Java not found ({java}); install a JDK 17 or 21, or set JAVA_HOME / JOBGRAPH_JAVA"
        ) from error
    match = re.search(r'version "(\d+)(?:\.(\d+))?', completed.stderr + completed.stdout)
    if not match:
        raise EnvironmentToolError(f"could not read the Java version from `{java} -version`")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def find_java(configured: str | None, env: dict[str, str] | None = None) -> str:
    """Resolve the Java executable: setting, then ``JAVA_HOME``, then ``PATH``.

    Raises:
        EnvironmentToolError: No Java is found, or it is older than 17.
    """
    env = dict(os.environ) if env is None else env
    candidates = [configured] if configured else []
    if env.get("JAVA_HOME"):
        candidates.append(str(Path(env["JAVA_HOME"]) / "bin" / "java"))
    on_path = shutil.which("java", path=env.get("PATH", ""))
    if on_path:
        candidates.append(on_path)
    for candidate in candidates:
        if Path(candidate).is_file():
            major = java_major_version(candidate)
            if major < 17:
                raise EnvironmentToolError(
                    f"{candidate} is Java {major}; Neo4j 5.26 needs Java 17 or 21"
                )
            return candidate
        if configured and candidate == configured:
            raise EnvironmentToolError(
                f"Java not found at {configured}; fix JOBGRAPH_JAVA or unset it"
            )
    raise EnvironmentToolError(
        "Java not found; install a JDK 17 or 21 and put `java` on PATH (or set JAVA_HOME)"
    )


def find_maven(configured: str | None, env: dict[str, str] | None = None) -> str:
    """Resolve the Maven executable: setting, then ``PATH``.

    Raises:
        EnvironmentToolError: Maven is not installed.
    """
    env = dict(os.environ) if env is None else env
    if configured:
        if Path(configured).is_file():
            return configured
        raise EnvironmentToolError(f"Maven not found at {configured}; fix JOBGRAPH_MAVEN")
    found = shutil.which("mvn", path=env.get("PATH", ""))
    if not found:
        raise EnvironmentToolError(
            "Maven (mvn) not found; install Maven 3.6+ to fetch the Neo4j jars"
        )
    return found


def installed(root: Path, version: str) -> Installation | None:
    """Return the installation in ``root`` if it is complete, else ``None``."""
    marker = root / MARKER
    if not marker.is_file():
        return None
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    if recorded.get("version") != version or not any((root / "lib").glob("neo4j-*.jar")):
        return None
    return Installation(root, version)


def install(
    root: Path,
    version: str,
    *,
    java: str | None = None,
    maven: str | None = None,
    force: bool = False,
    log: Path | None = None,
) -> Installation:
    """Fetch Neo4j Community and APOC ``version`` into ``root`` (idempotent).

    Args:
        root: Target folder; ``lib/`` and ``plugins/`` are created inside.
        version: A Neo4j 5.26.x version that exists for both artifacts.
        java: Java executable to check (resolved with :func:`find_java`).
        maven: Maven executable (resolved with :func:`find_maven`).
        force: Reinstall even when a complete installation is present.
        log: File receiving Maven's output; a temporary file when omitted.

    Returns:
        The installation.

    Raises:
        EnvironmentToolError: Java or Maven is missing or too old.
        Neo4jInstallError: Maven failed; the message says where its log is.
    """
    find_java(java)
    if not force and (existing := installed(root, version)):
        return existing
    mvn = find_maven(maven)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="install-", dir=root))
    log = log or staging / "maven.log"
    started = time.monotonic()
    try:
        server = [("org.neo4j", "neo4j", version)]
        plugins = [
            ("org.neo4j.procedure", "apoc-core", version),
            ("org.neo4j.procedure", "apoc-common", version),
        ]
        _copy_closure(mvn, staging / "server", server, staging / "lib", log)
        _copy_closure(mvn, staging / "apoc", plugins, staging / "plugins", log)
        _drop_duplicates(staging / "lib", staging / "plugins")
        for name in ("lib", "plugins"):
            target = root / name
            if target.exists():
                shutil.rmtree(target)
            (staging / name).rename(target)
        (root / MARKER).write_text(
            json.dumps(
                {"version": version, "seconds": round(time.monotonic() - started, 1)}, indent=2
            ),
            encoding="utf-8",
        )
    finally:
        if log.parent != staging:
            shutil.rmtree(staging, ignore_errors=True)
    return Installation(root, version)


def _copy_closure(
    mvn: str,
    project_dir: Path,
    artifacts: list[tuple[str, str, str]],
    output: Path,
    log: Path,
) -> None:
    project_dir.mkdir(parents=True, exist_ok=True)
    dependencies = "\n".join(
        _DEPENDENCY.format(group=g, artifact=a, version=v) for g, a, v in artifacts
    )
    (project_dir / "pom.xml").write_text(
        _POM.format(artifact=project_dir.name, dependencies=dependencies), encoding="utf-8"
    )
    command = [
        mvn,
        "-q",
        "-B",
        "-f",
        str(project_dir / "pom.xml"),
        f"{DEPENDENCY_PLUGIN}:copy-dependencies",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={output}",
    ]
    with log.open("a", encoding="utf-8") as handle:
        completed = subprocess.run(command, stdout=handle, stderr=subprocess.STDOUT, check=False)
    if completed.returncode != 0:
        names = ", ".join(f"{g}:{a}:{v}" for g, a, v in artifacts)
        raise Neo4jInstallError(
            f"Maven could not fetch {names} (exit {completed.returncode}); see {log}"
        )


def _artifact_name(jar: Path) -> str:
    return _JAR_VERSION.sub("", jar.name)


def _drop_duplicates(lib: Path, plugins: Path) -> None:
    """Remove plugin jars whose artifact the server already ships."""
    in_lib = {_artifact_name(jar) for jar in lib.glob("*.jar")}
    for jar in plugins.glob("*.jar"):
        if _artifact_name(jar) in in_lib:
            jar.unlink()
