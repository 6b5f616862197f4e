# Buckets a flat perf profile (perf report --no-children --sort dso,sym --stdio) of a broker into
# kernel scheduler / epoll / TCP receive / TCP send / syscall overhead and, for Tern, decode /
# routing / encode+write / Netty / timestamps / JIT / JVM (scripts/profile.sh).
# usage: perf-buckets.py FLAT.txt [top]   (with a second argument: the top symbols of each bucket)
import re,sys,collections
rules=[
 ('kernel: scheduler (sleep/wake-up, context switch)', r'\[k\] (finish_task_switch|_raw_spin_unlock_irq|schedule|__schedule|try_to_wake_up|ttwu|pick_next|dequeue|enqueue|update_curr|psi_|select_estimate|hrtimer|__pv_queued|_raw_spin_lock\b|native_queued|irqentry|read_tsc|ktime_get|futex)'),
 ('kernel: epoll', r'\[k\] (ep_|do_epoll|__x64_sys_epoll|sock_poll|tcp_poll|eventfd)'),
 ('kernel: TCP receive path (loopback softirq included)', r'\[k\] (tcp_v4_rcv|tcp_rcv|tcp_data_queue|tcp_ack|net_rx|process_backlog|__netif|netif_|ip_rcv|ip_local|raw_local|eth_type|tcp_recvmsg|__skb_datagram|_copy_to_iter|skb_copy|sock_recvmsg|__sys_recvfrom|tcp_rcv_space|__inet_lookup|tcp_add_backlog|__release_sock|release_sock|skb_release|kfree_skb|skb_attempt_defer|skb_defer|sk_filter|tcp_event_data_recv|tcp_cleanup_rbuf|tcp_queue_rcv|__kfree_skb|consume_skb)'),
 ('kernel: TCP send path', r'\[k\] (tcp_sendmsg|__tcp_transmit|tcp_write_xmit|__tcp_push|ip_finish|__ip_queue|ip_output|__dev_queue|loopback_xmit|dev_hard|__sys_sendto|sock_sendmsg|tcp_skb|__alloc_skb|skb_page|_copy_from_iter|tcp_wfree|__local_bh_enable|tcp_stream_alloc|tcp_push|kmalloc|__kmalloc|tcp_mstamp|tcp_rate|tcp_current_mss|sk_stream)'),
 ('kernel: syscall entry/exit, fd lookup, other', r'\[k\] '),
 ('encode + write (OutboundWriter, NettyClientChannel, outbound buffer, flush)', r'(OutboundWriter|Encoder|encode|NettyClientChannel|ChannelOutboundBuffer|doWrite|flush|writeBytes)'),
 ('decode (MQTT frames from bytes)', r'(PacketReader|PacketInput|Decoder|FixedHeaderRules|InboundBytesHandler|decode)'),
 ('routing (topic split, subscription match, publish service, sessions)', r'(routing\.|TopicLevels|Subscription|PublishService|InboundPublishHandler|session\.|Session|SerialExecutor|domain\.|application\.service|Router|Delivery|Fanout|metrics)'),
 ('Netty event loop, read and buffers', r'(io\.netty|netty_transport|epollInReady)'),
 ('timestamps (clock_gettime)', r'(vdso|clock_gettime)'),
 ('GC (G1)', r'libjvm.*(G1|GC|oop_|Barrier|CardTable|Evacuat)'),
 ('JIT compiler (C2/C1)', r'libjvm.*(Phase|Compile|C2|Node|PhaseLive|Matcher|IndexSet|Parse|GraphKit|LinearScan|Compilation|ciEnv|ciObject|Type|Block|Regalloc|Chaitin|Loop|IdealLoop|Register|Optimize|MachNode|CodeBuffer|nmethod|Scheduling|PhaseCFG|Dict|Arena|ResourceArea)'),
 ('JVM other (runtime, interpreter, stubs, JIT code not named above)', r'(libjvm|Interpreter|StubRoutines|libc|ld-linux|\[JIT\])'),
]
tot=collections.OrderedDict((n,0.0) for n,_ in rules); other=0
tops=collections.defaultdict(list)
for line in open(sys.argv[1]):
    m=re.match(r'\s*([\d.]+)%\s+(.*)',line)
    if not m: continue
    pct=float(m.group(1)); rest=m.group(2)
    for n,r in rules:
        if re.search(r,rest):
            tot[n]+=pct; tops[n].append((pct,re.sub(r'\s+',' ',rest)[:150])); break
    else: other+=pct
for n,v in tot.items():
    print(f"{v:5.1f}%  {n}")
    if len(sys.argv)>2:
        for p,s in tops[n][:4]: print(f"          {p:4.1f}% {s}")
print(f"{other:5.1f}%  unclassified")
