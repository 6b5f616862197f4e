# Sourced by scripts/bench.sh and scripts/soak.sh: free_port prints a loopback TCP port that
# nothing listens on, below the kernel's ephemeral range (32768+ here), so that no client socket
# can be holding it.
free_port() {
  local port
  while true; do
    port=$((10000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}
