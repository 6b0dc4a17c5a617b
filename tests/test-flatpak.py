#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-flatpak.py: the Flatpak manifest (it cannot be built here, without the network) parses, targets
# the GNOME 43 runtime (GTK 4.8, libadwaita 1.2), builds this repository with meson, provides every
# library the meson files ask for (from the runtime or a module of its own), and asks for no more than
# Quorum needs: a display, the GPU, and the folder of its database. No network, no home folder.
import json, os, re, sys

src = os.environ.get("QUORUM_SRCDIR") or os.path.join(os.path.dirname(__file__), "..")
path = os.path.join(src, "build-aux", "flatpak", "io.github.quorum_app.quorum.json")
n = 0
failed = 0

def check(cond, what):
    global n, failed
    n += 1
    print(("ok" if cond else "not ok"), n, "-", what)
    if not cond:
        failed += 1

with open(path, encoding="utf-8") as f:
    manifest = json.load(f)
check(True, "the manifest parses as JSON")

meson = open(os.path.join(src, "meson.build"), encoding="utf-8").read()
app_id = re.search(r"app_id = '([^']+)'", meson).group(1)
check(manifest.get("id", manifest.get("app-id")) == app_id, f"its id is the application id {app_id}")
check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("runtime-version") == "43",
      "the runtime is org.gnome.Platform//43")
check(manifest.get("sdk") == "org.gnome.Sdk", "the SDK is org.gnome.Sdk")
check(manifest.get("command") == "quorum", "the command is quorum")

modules = manifest.get("modules", [])
names = [m.get("name") if isinstance(m, dict) else m for m in modules]
check(bool(modules) and names[-1] == "quorum", "the last module is quorum itself")
quorum = modules[-1] if modules else {}
check(quorum.get("buildsystem") == "meson", "quorum builds with meson")
srcs = quorum.get("sources", [])
dirs = [s for s in srcs if s.get("type") == "dir"]
check(len(dirs) == 1 and os.path.isfile(os.path.join(os.path.dirname(path), dirs[0]["path"], "meson.build"))
      and os.path.samefile(os.path.join(os.path.dirname(path), dirs[0]["path"]), src),
      "quorum's source is this repository")

# What the GNOME 43 runtime provides (pkg-config names), and what a module of the manifest adds.
runtime = {"glib-2.0", "gio-2.0", "gobject-2.0", "gmodule-2.0", "gtk4", "libadwaita-1", "sqlite3", "json-glib-1.0",
           "cairo", "pangocairo", "pangoft2", "fontconfig", "libsecret-1", "libxml-2.0", "libsoup-3.0",
           "bash-completion", "harfbuzz", "freetype2",
           # libX11 (the freedesktop SDK under GNOME's): the UI tests ask the X server what covers a point
           "x11"}
wanted = set()
for root, _, files in os.walk(src):
    if "/build" in root.replace(src, "") or "/." in root.replace(src, ""):
        continue
    for f in files:
        if f == "meson.build":
            text = open(os.path.join(root, f), encoding="utf-8").read()
            wanted |= set(re.findall(r"dependency\('([^']+)'", text))
provided = runtime | {m.get("name") for m in modules if isinstance(m, dict)}
missing = sorted(d for d in wanted if d not in provided)
check(not missing, "every dependency is in the runtime or a module" + (f": missing {missing}" if missing else ""))

args = manifest.get("finish-args", [])
allowed = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri",
           "--filesystem=xdg-data/quorum:create"}
check("--filesystem=xdg-data/quorum:create" in args, "it may reach the database folder ($XDG_DATA_HOME/quorum)")
check("--share=network" not in args, "no network")
check(not any(a.startswith("--filesystem=") and a.split("=", 1)[1].split(":")[0] in ("home", "host", "host-os", "xdg-documents", "xdg-download", "~")
              for a in args), "no home folder, no host")
extra = sorted(set(args) - allowed)
check(not extra, "no other permission" + (f": {extra}" if extra else ""))
check(all(a in args for a in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri")),
      "a window: wayland, fallback-x11, ipc, dri")
print(f"1..{n}")
sys.exit(1 if failed else 0)
