#pragma once

#include <sys/socket.h>

#include <QHostAddress>

// Small wrappers over the BSD socket calls the relay uses on raw descriptors.
namespace NativeSocket {

void setNoDelay(int fd);
// getsockname() (peer false) or getpeername() (peer true); IPv4-mapped IPv6 comes back as IPv4.
bool address(int fd, bool peer, QHostAddress *address, quint16 *port);
QString errorText(int error);
// Fills *storage for connect(); returns its length.
// A socket address as Qt's, IPv4-mapped IPv6 as IPv4.
void fromSockaddr(const sockaddr_storage &storage, QHostAddress *address, quint16 *port);
socklen_t toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *storage);

} // namespace NativeSocket
