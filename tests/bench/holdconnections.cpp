// Opens COUNT connections to 127.0.0.1:PORT and holds them idle, for measuring
// a relay's memory per idle connection. Prints "held COUNT" once all are
// connected, then waits for a line on stdin; then sends an HTTP request on every
// connection, prints "relayed N" (the connections that got an HTTP answer) and exits.
//   bench_hold PORT COUNT
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// Waits until every descriptor is ready for events (or failed); returns how many are ready.
int waitAll(const std::vector<int> &fds, short events, int timeoutMs, std::vector<bool> &ready)
{
    std::vector<pollfd> polls;
    int done = 0;
    for (int elapsed = 0; elapsed < timeoutMs && done < int(fds.size()); elapsed += 100) {
        polls.clear();
        for (size_t i = 0; i < fds.size(); ++i) {
            if (!ready[i])
                polls.push_back({fds[i], events, 0});
        }
        if (::poll(polls.data(), polls.size(), 100) < 0)
            return -1;
        size_t p = 0;
        for (size_t i = 0; i < fds.size(); ++i) {
            if (ready[i])
                continue;
            if (polls[p].revents & (events | POLLERR | POLLHUP)) {
                ready[i] = true;
                ++done;
            }
            ++p;
        }
    }
    return done;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_hold PORT COUNT\n");
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const int count = std::atoi(argv[2]);
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);

    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    std::vector<int> fds;
    for (int i = 0; i < count; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            std::fprintf(stderr, "bench_hold: socket %d: %s\n", i, std::strerror(errno));
            return 1;
        }
        if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 && errno != EINPROGRESS) {
            std::fprintf(stderr, "bench_hold: connect %d: %s\n", i, std::strerror(errno));
            return 1;
        }
        fds.push_back(fd);
        // Do not outrun the listener's backlog.
        if (i % 500 == 499) {
            std::vector<bool> ready(fds.size(), false);
            waitAll(fds, POLLOUT, 10000, ready);
        }
    }
    std::vector<bool> connected(fds.size(), false);
    waitAll(fds, POLLOUT, 30000, connected);
    int held = 0;
    for (int fd : fds) {
        int error = 0;
        socklen_t size = sizeof error;
        held += ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0;
    }
    std::printf("held %d\n", held);
    std::fflush(stdout);

    char line[64];
    if (!std::fgets(line, sizeof line, stdin))
        return 0;

    const std::string request = "GET / HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n";
    for (int fd : fds)
        [[maybe_unused]] ssize_t n = ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::vector<bool> answered(fds.size(), false);
    waitAll(fds, POLLIN, 60000, answered);
    int relayed = 0;
    for (size_t i = 0; i < fds.size(); ++i) {
        char buffer[16] = {};
        if (answered[i] && ::recv(fds[i], buffer, sizeof buffer - 1, 0) > 0 && std::strncmp(buffer, "HTTP/1.", 7) == 0)
            ++relayed;
    }
    std::printf("relayed %d\n", relayed);
    return relayed == held ? 0 : 1;
}
