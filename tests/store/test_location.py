"""Network drives are recognised from the mount table."""

from __future__ import annotations

from pathlib import Path

from jmd_desk.services.location import network_warning
from jmd_desk.store.location import network_filesystem

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//server/jmd /mnt/jmd cifs rw,vers=3.0 0 0
nas:/export/office /srv/office nfs4 rw 0 0
/dev/sdb1 /srv/office/local ext4 rw 0 0
fileserver:/ /home/team/Freigabe\\040Beratung fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


def test_network_file_systems_are_recognised() -> None:
    assert network_filesystem(Path("/mnt/jmd/office.jmd"), MOUNTS) == "cifs"
    assert network_filesystem(Path("/srv/office/a/b.jmd"), MOUNTS) == "nfs4"
    assert network_filesystem(Path("/home/team/Freigabe Beratung/x.jmd"), MOUNTS) == "fuse.sshfs"


def test_local_disks_are_fine() -> None:
    assert network_filesystem(Path("/srv/office/local/x.jmd"), MOUNTS) is None  # nested local mount wins
    assert network_filesystem(Path("/home/fachkraft/.local/share/jmd-desk/office.jmd"), MOUNTS) is None
    assert network_filesystem(Path("/mnt/jmdx/office.jmd"), MOUNTS) is None  # a prefix is not a parent
    assert network_filesystem(Path("/tmp/x.jmd"), MOUNTS) is None


def test_warning_names_the_file_system() -> None:
    warning = network_warning(Path("/mnt/jmd/office.jmd"), MOUNTS)
    assert warning is not None and warning.code == "store_on_network" and warning.params["fs"] == "cifs"
    assert network_warning(Path("/tmp/office.jmd"), MOUNTS) is None
