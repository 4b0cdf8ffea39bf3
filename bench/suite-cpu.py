#!/usr/bin/env python3
"""CPU seconds of a command's run by kind of process, and how busy the machine's cores were.

Usage: python3 bench/suite-cpu.py [--every SECONDS] -- COMMAND [ARG...]
e.g. (in a fresh clone)  python3 bench/suite-cpu.py -- bash .ci/run

Runs COMMAND and, once a second until it exits, reads every process's user + system CPU from /proc (so processes
started and ended in between count up to their last sample: each is up to a second short, and one that lives less
than a second may be missed). Counts COMMAND and its descendants only. Prints, to stderr after the command's own
output, their CPU seconds per kind (Maven's JVM, each module's surefire/failsafe fork, the packaged apps the ITs
start, Chromium, Node, ...), the total, and the busy cores per interval from /proc/stat (machine-wide: anything else
running, kernel threads included, shows up there too). Exits with COMMAND's exit code. Linux only.
"""
import os
import subprocess
import sys
import time

MODULES = ['gateway-tests', 'gateway-it', 'ner-trainer', 'ner-contract', 'tools', 'catalogue-generator', 'gateway']
TICK = os.sysconf('SC_CLK_TCK')


def kind(cmd):
    line = ' '.join(cmd)
    if 'surefire' in line or 'failsafe' in line:
        return 'test fork ' + next((m for m in MODULES if '/' + m + '/' in line), '?')
    if 'quarkus-run.jar' in line or 'quarkus-app' in line:
        return 'packaged app ' + ('tools' if '/tools/' in line else 'gateway')
    if 'plexus-classworlds' in line:
        return 'maven'
    if 'chrom' in line:
        return 'chromium'
    if 'node' in os.path.basename(cmd[0]) or 'npm' in line:
        return 'node'
    return os.path.basename(cmd[0])


def busy(previous):
    with open('/proc/stat') as f:
        values = [int(x) for x in f.readline().split()[1:]]
    total, idle = sum(values), values[3] + values[4]
    if previous is None:
        return (total, idle), None
    dt = total - previous[0]
    return (total, idle), (dt - (idle - previous[1])) / dt * os.cpu_count() if dt else 0.0


def main():
    args = sys.argv[1:]
    every = 10
    if args[:1] == ['--every']:
        every, args = float(args[1]), args[2:]
    if args[:1] == ['--']:
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    seen = {}  # (pid, start time) -> [kind, latest cpu]
    started = time.time()
    stat0, _ = busy(None)
    stat, timeline, last = stat0, [], started
    child = subprocess.Popen(args)
    ours = {str(child.pid)}
    while True:
        for pid in os.listdir('/proc'):
            if not pid.isdigit():
                continue
            try:
                with open(f'/proc/{pid}/stat') as f:
                    raw = f.read()
                fields = raw[raw.rindex(')') + 2:].split()
                if pid not in ours:
                    if fields[1] not in ours:  # parent pid
                        continue
                    ours.add(pid)
                cpu = (int(fields[11]) + int(fields[12])) / TICK
                key = (pid, fields[19])
                entry = seen.get(key)
                if entry is None or entry[0] in ('sh', 'bash', 'java', 'mvnw'):  # may exec into something else yet
                    with open(f'/proc/{pid}/cmdline') as f:
                        entry = seen[key] = [kind(f.read().split('\0')), cpu]
                entry[1] = max(entry[1], cpu)
            except (OSError, ValueError, IndexError):
                pass  # ended between listing and reading
        if time.time() - last >= every:
            stat, value = busy(stat)
            timeline.append(value)
            last = time.time()
        if child.poll() is not None:
            break
        time.sleep(1)
    _, overall = busy(stat0)
    totals = {}
    for k, cpu in seen.values():
        totals[k] = totals.get(k, 0.0) + cpu
    out = sys.stderr
    print(f'\nCPU seconds by kind of process ({time.time() - started:.0f} s wall):', file=out)
    for k, v in sorted(totals.items(), key=lambda kv: -kv[1]):
        if v >= 0.5:
            print(f'{v:9.1f}  {k}', file=out)
    print(f'{sum(totals.values()):9.1f}  total', file=out)
    print(f'busy cores: {overall:.2f} of {os.cpu_count()} on average; per {every:g} s: '
          + ' '.join(f'{v:.1f}' for v in timeline), file=out)
    sys.exit(child.returncode)


if __name__ == '__main__':
    main()
