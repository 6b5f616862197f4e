/*
 * tern-relay: a zero-work MQTT relay, the physical ceiling of the QoS 0 fan-in and fan-out
 * scenarios on this machine (issue 16). One thread, one level-triggered epoll loop.
 *
 * It answers CONNECT (CONNACK), SUBSCRIBE (SUBACK granting min(requested, 1)), UNSUBSCRIBE
 * (UNSUBACK) and PINGREQ (PINGRESP), in MQTT 3.1.1 and 5 (the level byte of CONNECT decides; MQTT 5
 * replies carry empty property sections). Every PUBLISH frame is copied byte for byte to every
 * connection that has subscribed to anything: no topic matching, no sessions, no packet ids of its
 * own. A QoS 1 PUBLISH is acknowledged to its sender at once and forwarded unchanged (the
 * subscribers' PUBACKs are read and ignored); QoS 2 is not supported and closes the connection.
 *
 * Bytes are never dropped: each connection has an input buffer (partial frames wait for the rest)
 * and an output buffer (what a write did not take waits for EPOLLOUT). When any subscriber has more
 * than HIGH_WATER bytes queued, the relay stops reading from connections that are not subscribers
 * until every subscriber is below LOW_WATER, so publishers are slowed by TCP, not dropped.
 * Output is written once per epoll_wait batch per connection, not once per frame.
 *
 *   tern-relay [PORT]    listens on 127.0.0.1:PORT (0 or none: any free port); prints
 *                        "listening on PORT" on stdout; exits 0 on SIGTERM or SIGINT.
 *
 * Build: gcc -O2 -Wall -o tern-relay tern-relay.c (scripts/bench.sh does it).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define READ_CHUNK (256 * 1024)
#define MAX_FRAME (16 * 1024 * 1024)
#define HIGH_WATER (8u * 1024 * 1024)
#define LOW_WATER (1u * 1024 * 1024)
#define MAX_EVENTS 256

typedef struct {
    uint8_t *data;
    size_t head; /* first unconsumed byte */
    size_t tail; /* one past the last byte */
    size_t cap;
} buffer;

typedef struct conn {
    int fd;
    int v5;
    int subscriber;
    int sub_index;   /* position in subs[], or -1 */
    int dirty;       /* in the to-flush list of this loop iteration */
    int want_out;    /* EPOLLOUT registered */
    int reading;     /* EPOLLIN registered */
    buffer in;
    buffer out;
} conn;

static volatile sig_atomic_t stopping = 0;
static int epfd;
static conn **conns;       /* by fd */
static int conns_cap;
static conn **subs;        /* subscribers */
static int subs_len, subs_cap;
static conn **dirty;       /* connections with output to flush */
static int dirty_len, dirty_cap;
static int paused;         /* reading from publishers is suspended */

static void on_signal(int sig) {
    (void) sig;
    stopping = 1;
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

static void *grow(void *array, int *cap, int need, size_t size) {
    if (need <= *cap) {
        return array;
    }
    int next = *cap ? *cap : 64;
    while (next < need) {
        next *= 2;
    }
    void *grown = realloc(array, (size_t) next * size);
    if (!grown) {
        die("realloc");
    }
    memset((char *) grown + (size_t) *cap * size, 0, (size_t) (next - *cap) * size);
    *cap = next;
    return grown;
}

static size_t buf_len(const buffer *b) {
    return b->tail - b->head;
}

/* Makes room for n more bytes after tail, compacting or growing. */
static void buf_reserve(buffer *b, size_t n) {
    if (b->cap - b->tail >= n) {
        return;
    }
    size_t len = buf_len(b);
    if (b->head > 0 && b->cap - len >= n && b->head >= len) {
        memcpy(b->data, b->data + b->head, len);
    } else if (b->head > 0 && b->cap - len >= n) {
        memmove(b->data, b->data + b->head, len);
    } else {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - len < n) {
            cap *= 2;
        }
        uint8_t *data = malloc(cap);
        if (!data) {
            die("malloc");
        }
        if (len) {
            memcpy(data, b->data + b->head, len);
        }
        free(b->data);
        b->data = data;
        b->cap = cap;
    }
    b->head = 0;
    b->tail = len;
}

static void buf_append(buffer *b, const uint8_t *bytes, size_t n) {
    buf_reserve(b, n);
    memcpy(b->data + b->tail, bytes, n);
    b->tail += n;
}

static void update_events(conn *c) {
    int want_in = !(paused && !c->subscriber);
    int want_out = buf_len(&c->out) > 0;
    if (want_in == c->reading && want_out == c->want_out) {
        return;
    }
    struct epoll_event ev = {0};
    ev.events = (want_in ? EPOLLIN : 0) | (want_out ? EPOLLOUT : 0);
    ev.data.fd = c->fd;
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev) < 0) {
        die("epoll_ctl mod");
    }
    c->reading = want_in;
    c->want_out = want_out;
}

static void mark_dirty(conn *c) {
    if (!c->dirty) {
        c->dirty = 1;
        dirty = grow(dirty, &dirty_cap, dirty_len + 1, sizeof *dirty);
        dirty[dirty_len++] = c;
    }
}

static void send_bytes(conn *c, const uint8_t *bytes, size_t n) {
    buf_append(&c->out, bytes, n);
    mark_dirty(c);
}

static void add_subscriber(conn *c) {
    if (c->subscriber) {
        return;
    }
    c->subscriber = 1;
    subs = grow(subs, &subs_cap, subs_len + 1, sizeof *subs);
    c->sub_index = subs_len;
    subs[subs_len++] = c;
}

static void remove_subscriber(conn *c) {
    if (!c->subscriber) {
        return;
    }
    conn *last = subs[--subs_len];
    subs[c->sub_index] = last;
    last->sub_index = c->sub_index;
    c->subscriber = 0;
    c->sub_index = -1;
}

static void close_conn(conn *c) {
    remove_subscriber(c);
    epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    conns[c->fd] = NULL;
    for (int i = 0; i < dirty_len; i++) {
        if (dirty[i] == c) {
            dirty[i] = dirty[--dirty_len];
            break;
        }
    }
    free(c->in.data);
    free(c->out.data);
    free(c);
}

/* Copies a run of PUBLISH frames to every subscriber. */
static void forward(const uint8_t *bytes, size_t n) {
    for (int i = 0; i < subs_len; i++) {
        send_bytes(subs[i], bytes, n);
    }
}

/* Length of a variable byte integer at p (at most 4 bytes within limit), or 0 if incomplete or bad. */
static int varint(const uint8_t *p, size_t limit, size_t *value) {
    size_t v = 0;
    for (int i = 0; i < 4; i++) {
        if ((size_t) i >= limit) {
            return 0;
        }
        v |= (size_t) (p[i] & 0x7F) << (7 * i);
        if (!(p[i] & 0x80)) {
            *value = v;
            return i + 1;
        }
    }
    return -1;
}

static void connack(conn *c, const uint8_t *body, size_t len) {
    /* protocol name (2-byte length + text), then the level: 5 is MQTT 5. */
    if (len >= 3) {
        size_t name = (size_t) body[0] << 8 | body[1];
        if (2 + name < len) {
            c->v5 = body[2 + name] == 5;
        }
    }
    static const uint8_t v3[] = {0x20, 2, 0, 0};
    static const uint8_t v5[] = {0x20, 3, 0, 0, 0};
    if (c->v5) {
        send_bytes(c, v5, sizeof v5);
    } else {
        send_bytes(c, v3, sizeof v3);
    }
}

/* SUBACK or UNSUBACK (type 0xB0) with one reason per filter. Returns -1 on a malformed packet. */
static int suback(conn *c, const uint8_t *body, size_t len, int unsubscribe) {
    if (len < 2) {
        return -1;
    }
    size_t pos = 2;
    if (c->v5) {
        size_t props;
        int n = varint(body + pos, len - pos, &props);
        if (n <= 0 || pos + n + props > len) {
            return -1;
        }
        pos += n + props;
    }
    uint8_t reasons[256];
    size_t count = 0;
    while (pos + 2 <= len && count < sizeof reasons) {
        size_t filter = (size_t) body[pos] << 8 | body[pos + 1];
        pos += 2 + filter;
        if (unsubscribe) {
            reasons[count++] = 0;
            continue;
        }
        if (pos >= len) {
            return -1; /* the options byte is missing, or the filter ran past the end */
        }
        uint8_t qos = body[pos++] & 3;
        reasons[count++] = qos > 1 ? 1 : qos;
    }
    if (pos != len || count == 0) {
        return -1;
    }
    /* Unsubscribing from anything stops all deliveries: there is no matching to keep the rest. */
    if (unsubscribe) {
        remove_subscriber(c);
        if (!c->v5) {
            count = 0; /* a 3.1.1 UNSUBACK has no payload */
        }
    } else {
        add_subscriber(c);
    }
    uint8_t head[8];
    size_t remaining = 2 + (c->v5 ? 1 : 0) + count;
    size_t h = 0;
    head[h++] = unsubscribe ? 0xB0 : 0x90;
    do {
        uint8_t digit = remaining % 128;
        remaining /= 128;
        head[h++] = remaining ? digit | 0x80 : digit;
    } while (remaining);
    head[h++] = body[0];
    head[h++] = body[1];
    if (c->v5) {
        head[h++] = 0;
    }
    send_bytes(c, head, h);
    send_bytes(c, reasons, count);
    return 0;
}

/* Parses every complete frame in c's input buffer. Returns -1 when the connection must close. */
static int process(conn *c) {
    uint8_t *data = c->in.data;
    size_t pos = c->in.head, end = c->in.tail;
    size_t run_start = pos, run_end = pos; /* consecutive QoS 0 PUBLISH frames, forwarded at once */
    int result = 0;
    while (end - pos >= 2) {
        size_t remaining = 0;
        int n = varint(data + pos + 1, end - pos - 1, &remaining);
        if (n < 0 || remaining > MAX_FRAME) {
            result = -1;
            break;
        }
        if (n == 0 || end - pos - 1 - n < remaining) {
            break;
        }
        uint8_t first = data[pos];
        const uint8_t *body = data + pos + 1 + n;
        size_t frame = 1 + n + remaining;
        int type = first >> 4;
        if (type == 3 && ((first >> 1) & 3) == 0) {
            if (run_end != pos) {
                forward(data + run_start, run_end - run_start);
                run_start = pos;
            }
            run_end = pos + frame;
            pos += frame;
            continue;
        }
        if (run_end > run_start) {
            forward(data + run_start, run_end - run_start);
        }
        switch (type) {
            case 1:
                connack(c, body, remaining);
                break;
            case 3: {
                int qos = (first >> 1) & 3;
                if (qos != 1 || remaining < 2) {
                    result = -1;
                    break;
                }
                size_t topic = (size_t) body[0] << 8 | body[1];
                if (2 + topic + 2 > remaining) {
                    result = -1;
                    break;
                }
                uint8_t ack[4] = {0x40, 2, body[2 + topic], body[3 + topic]};
                send_bytes(c, ack, sizeof ack);
                forward(data + pos, frame);
                break;
            }
            case 8:
            case 10:
                if (suback(c, body, remaining, type == 10) < 0) {
                    result = -1;
                }
                break;
            case 12: {
                static const uint8_t pong[] = {0xD0, 0};
                send_bytes(c, pong, sizeof pong);
                break;
            }
            case 14:
                result = -1;
                break;
            default:
                /* PUBACK and anything else: read and ignored. */
                break;
        }
        if (result < 0) {
            break;
        }
        pos += frame;
        run_start = run_end = pos;
    }
    if (run_end > run_start) {
        forward(data + run_start, run_end - run_start);
    }
    c->in.head = pos;
    if (c->in.head == c->in.tail) {
        c->in.head = c->in.tail = 0;
    }
    return result;
}

/* One read per readiness event: level-triggered epoll comes back for the rest, and every
 * connection gets its turn. Returns -1 when the connection must close. */
static int on_readable(conn *c) {
    buf_reserve(&c->in, READ_CHUNK);
    ssize_t n = read(c->fd, c->in.data + c->in.tail, c->in.cap - c->in.tail);
    if (n == 0) {
        return -1;
    }
    if (n < 0) {
        return errno == EAGAIN || errno == EINTR ? 0 : -1;
    }
    c->in.tail += (size_t) n;
    return process(c);
}

/* Writes what the connection has queued; returns -1 when it must close. */
static int flush_conn(conn *c) {
    while (buf_len(&c->out) > 0) {
        ssize_t n = write(c->fd, c->out.data + c->out.head, buf_len(&c->out));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN) {
                break;
            }
            return -1;
        }
        c->out.head += (size_t) n;
    }
    if (buf_len(&c->out) == 0) {
        c->out.head = c->out.tail = 0;
    }
    return 0;
}

static void accept_all(int listener) {
    for (;;) {
        int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno != EAGAIN && errno != EINTR && errno != ECONNABORTED) {
                perror("accept4");
            }
            return;
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        conns = grow(conns, &conns_cap, fd + 1, sizeof *conns);
        conn *c = calloc(1, sizeof *c);
        if (!c) {
            die("calloc");
        }
        c->fd = fd;
        c->sub_index = -1;
        c->reading = !paused;
        conns[fd] = c;
        struct epoll_event ev = {0};
        ev.events = c->reading ? EPOLLIN : 0;
        ev.data.fd = fd;
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
            die("epoll_ctl add");
        }
    }
}

/* Pauses or resumes reading from publishers by the subscribers' queued bytes. */
static void apply_backpressure(void) {
    size_t most = 0;
    for (int i = 0; i < subs_len; i++) {
        size_t queued = buf_len(&subs[i]->out);
        if (queued > most) {
            most = queued;
        }
    }
    int next = paused ? most > LOW_WATER : most > HIGH_WATER;
    if (next == paused) {
        return;
    }
    paused = next;
    for (int fd = 0; fd < conns_cap; fd++) {
        if (conns[fd]) {
            update_events(conns[fd]);
        }
    }
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 0;
    struct sigaction sa = {0};
    sa.sa_handler = on_signal; /* no SA_RESTART: epoll_wait returns EINTR */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listener < 0) {
        die("socket");
    }
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons((uint16_t) port);
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) < 0) {
        die("bind");
    }
    if (listen(listener, 4096) < 0) {
        die("listen");
    }
    socklen_t addr_len = sizeof addr;
    getsockname(listener, (struct sockaddr *) &addr, &addr_len);
    printf("listening on %d\n", ntohs(addr.sin_port));
    fflush(stdout);

    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        die("epoll_create1");
    }
    struct epoll_event ev = {0};
    ev.events = EPOLLIN;
    ev.data.fd = listener;
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, listener, &ev) < 0) {
        die("epoll_ctl listener");
    }

    struct epoll_event events[MAX_EVENTS];
    while (!stopping) {
        int ready = epoll_wait(epfd, events, MAX_EVENTS, -1);
        if (ready < 0) {
            if (errno == EINTR) {
                continue;
            }
            die("epoll_wait");
        }
        for (int i = 0; i < ready; i++) {
            int fd = events[i].data.fd;
            if (fd == listener) {
                accept_all(listener);
                continue;
            }
            conn *c = fd < conns_cap ? conns[fd] : NULL;
            if (!c) {
                continue;
            }
            uint32_t e = events[i].events;
            if ((e & EPOLLOUT) && flush_conn(c) < 0) {
                close_conn(c);
                continue;
            }
            if ((e & (EPOLLIN | EPOLLHUP | EPOLLERR)) && c->reading && on_readable(c) < 0) {
                flush_conn(c); /* a last reply, e.g. before DISCONNECT closes */
                close_conn(c);
                continue;
            }
            if ((e & (EPOLLHUP | EPOLLERR)) && !c->reading) {
                close_conn(c);
                continue;
            }
            if (e & EPOLLOUT) {
                update_events(c);
            }
        }
        /* One write per connection per batch of events. */
        for (int i = 0; i < dirty_len; i++) {
            conn *c = dirty[i];
            c->dirty = 0;
            if (flush_conn(c) < 0) {
                dirty[i] = NULL;
                close_conn(c);
                continue;
            }
        }
        for (int i = 0; i < dirty_len; i++) {
            if (dirty[i]) {
                update_events(dirty[i]);
            }
        }
        dirty_len = 0;
        apply_backpressure();
    }
    return 0;
}
