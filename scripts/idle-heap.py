#!/usr/bin/env python3
# Live heap per idle connection and bytes allocated per connect, for one tern.jar (issue 15;
# docs/benchmarks-investigations.md, "Idle connections: where the memory goes").
# Starts the broker (-Xms64m -Xmx256m, memory store, every listener on a free port), connects and
# closes N idle MQTT 3.1.1 connections twice (JIT warm-up), takes a class histogram (a full GC
# first), connects N again and holds them, then a second histogram: the difference divided by N
# is the live heap per connection, listed class by class. The threads' allocated bytes
# (jstack -e) over the held connects give the garbage per connect; with --jfr FILE the connects
# are recorded too (allocation samples, their throttle raised: who allocates what; the recorder's own
# objects and allocations then count too, so take the figures from a run without it).
# usage: idle-heap.py [--jfr FILE] JAR [N]      (N = 10000; tern-load.jar from benchmarks/target)
import collections, os, re, subprocess, sys, tempfile, time

args = sys.argv[1:]
jfr = None
if args[:1] == ['--jfr']:
    jfr, args = args[1], args[2:]
jar = args[0]
n = int(args[1]) if len(args) > 1 else 10000
load = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'benchmarks', 'target', 'tern-load.jar')
work = tempfile.mkdtemp(prefix='idle-heap-')
log_path = os.path.join(work, 'broker.log')
broker = subprocess.Popen(['java', '-Xms64m', '-Xmx256m', '-jar', jar, '--set', 'listeners.tcp.port=0',
                           '--set', 'listeners.websocket.port=0', '--set', 'admin.http.port=0',
                           '--set', 'storage.backend=memory'], stdout=open(log_path, 'w'), stderr=subprocess.STDOUT)
pid = str(broker.pid)


def port():
    for _ in range(600):
        time.sleep(0.1)
        m = re.search(r'tcp 127\.0\.0\.1:(\d+)', open(log_path).read())
        if m:
            return m.group(1)
    sys.exit('broker did not start: ' + log_path)


def histogram():
    out = subprocess.run(['jcmd', pid, 'GC.class_histogram'], capture_output=True, text=True).stdout
    classes = {}
    for line in out.splitlines():
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)', line)
        if m:
            name = re.sub(r'\$\$Lambda\$\d+/0x[0-9a-f]+', '$$Lambda', m.group(3))
            count, size = classes.get(name, (0, 0))
            classes[name] = (count + int(m.group(1)), size + int(m.group(2)))
    return classes


def allocated():
    out = subprocess.run(['jstack', '-e', pid], capture_output=True, text=True).stdout
    units = {'': 1, 'B': 1, 'K': 1 << 10, 'KB': 1 << 10, 'M': 1 << 20, 'MB': 1 << 20, 'G': 1 << 30, 'GB': 1 << 30}
    by_thread = collections.Counter()
    for line in out.splitlines():
        m = re.match(r'"([^"]+)".*allocated=(\d+)(\w*)', line)
        if m:
            by_thread[re.sub(r'\d+', 'N', m.group(1))] += int(m.group(2)) * units[m.group(3)]
    return by_thread


def connect(tcp_port, hold):
    return subprocess.Popen(['java', '-jar', load, '--scenario', 'idle-connections', '--port', tcp_port,
                             '--connections', str(n), '--source-addresses', '4', '--hold', str(hold)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


try:
    tcp = port()
    for _ in range(2):
        connect(tcp, 0).communicate()
    time.sleep(2)
    before = histogram()
    allocated_before = allocated()
    if jfr:
        # The profile settings with the allocation samples' throttle raised from 300/s.
        java_home = os.path.dirname(os.path.dirname(os.path.realpath(subprocess.run(
            ['which', 'java'], capture_output=True, text=True).stdout.strip())))
        settings = os.path.join(work, 'allocation.jfc')
        with open(os.path.join(java_home, 'lib', 'jfr', 'profile.jfc')) as profile, open(settings, 'w') as out:
            out.write(profile.read().replace('control="allocation-profiling">300/s<',
                                             'control="allocation-profiling">100000/s<'))
        subprocess.run(['jcmd', pid, 'JFR.start', 'name=idle', 'settings=' + settings,
                        'filename=' + os.path.abspath(jfr)], capture_output=True)
    held = connect(tcp, 60)
    for line in held.stderr:
        if 'holding' in line:
            break
    else:
        sys.exit('the load tool ended early: ' + held.stdout.read())
    time.sleep(2)
    allocated_after = allocated()
    if jfr:
        subprocess.run(['jcmd', pid, 'JFR.stop', 'name=idle'], capture_output=True)
    after = histogram()
    held.kill()
    total = sum(size for _, size in after.values()) - sum(size for _, size in before.values())
    print(f'live heap per connection: {total / n:.0f} B')
    garbage = {t: allocated_after[t] - allocated_before.get(t, 0) for t in allocated_after}
    print(f'allocated per connect: {sum(garbage.values()) / n:.0f} B')
    for thread, size in sorted(garbage.items(), key=lambda kv: -kv[1]):
        if size > n * 10:
            print(f'  {size / n:8.0f} B  thread {thread}')
    rows = []
    for name, (count, size) in after.items():
        count0, size0 = before.get(name, (0, 0))
        if size - size0 > n * 2:
            rows.append((size - size0, count - count0, name))
    for size, count, name in sorted(rows, reverse=True):
        print(f'  {size / n:8.1f} B  {count / n:5.2f} per connection  {name}')
finally:
    broker.terminate()
    try:
        broker.wait(20)
    except subprocess.TimeoutExpired:
        broker.kill()
