# Splits a process's CPU time by thread (user/system, clock ticks of 1/100 s) between two
# snapshots of /proc/PID/task/*/stat taken with grep "" (scripts/profile.sh).
# usage: thread-cpu.py BEFORE AFTER
import re,collections,sys
def load(f):
    d={}
    for line in open(f):
        m=re.match(r'/proc/\d+/task/(\d+)/stat:(\d+) \((.*)\) (.*)',line.strip())
        if not m: continue
        tid,_,name,rest=m.groups(); fs=rest.split()
        d[tid]=(name,int(fs[11]),int(fs[12]))
    return d
b=load(sys.argv[1]); a=load(sys.argv[2])
agg=collections.defaultdict(lambda:[0,0])
for tid,(name,u,s) in a.items():
    u0,s0=(b[tid][1],b[tid][2]) if tid in b else (0,0)
    key=re.sub(r'\d+','N',name)
    agg[key][0]+=u-u0; agg[key][1]+=s-s0
tot=sum(x+y for x,y in agg.values()) or 1
for k,(u,s) in sorted(agg.items(), key=lambda kv:-(kv[1][0]+kv[1][1])):
    if u+s: print(f"  {k:22s} user {u/100:.2f}s sys {s/100:.2f}s  {100*(u+s)/tot:.0f}%")
print('  total', tot/100, 'user', sum(x for x,y in agg.values())/100, 'sys', sum(y for x,y in agg.values())/100)
