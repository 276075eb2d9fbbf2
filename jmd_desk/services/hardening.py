"""Process protections at start: no core dumps and no crash dumps that could hold the key.

A core dump of the running program would contain the raw database key, the hex key handed to
SQLCipher, names and notes. Linux: core size 0 and not dumpable (which also keeps other
processes of the same user from attaching with ptrace). Windows: no Windows Error Reporting
dialog or dump for this process.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
_SEM_FAILCRITICALERRORS = 0x0001
_SEM_NOGPFAULTERRORBOX = 0x0002
_WER_FAULT_REPORTING_NO_UI = 0x0020
_WER_FAULT_REPORTING_FLAG_DISABLE_THREAD_SUSPENSION = 0x0004


def disable_core_dumps() -> None:
    """Switch core and crash dumps off for this process; best effort where the OS refuses."""
    if os.name == "posix":
        _posix_no_core()
    elif sys.platform == "win32":
        _windows_no_dumps()


def _posix_no_core() -> None:
    import resource  # noqa: PLC0415 - POSIX only

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def _windows_no_dumps() -> None:
    if sys.platform != "win32":  # lets the type checker know which ctypes this is
        return
    kernel32 = ctypes.windll.kernel32
    kernel32.SetErrorMode(_SEM_FAILCRITICALERRORS | _SEM_NOGPFAULTERRORBOX)
    try:
        wer = ctypes.windll.wer
        wer.WerAddExcludedApplication(ctypes.c_wchar_p(sys.executable), False)
        wer.WerSetFlags(_WER_FAULT_REPORTING_NO_UI | _WER_FAULT_REPORTING_FLAG_DISABLE_THREAD_SUSPENSION)
    except (AttributeError, OSError):
        pass


def core_dumps_disabled() -> bool:
    """True if this process can no longer write a core dump (Linux check for tests/self-test)."""
    import resource  # noqa: PLC0415 - POSIX only

    if resource.getrlimit(resource.RLIMIT_CORE) != (0, 0):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    return int(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)) == 0
