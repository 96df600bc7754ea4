#include "connectiontablemodel.h"

#include <algorithm>

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include "export/connectionexport.h"
#include "format.h"

namespace {

// Sorts addresses numerically, then ports: IPv6 form in hex, port zero-padded.
QString addressKey(const QHostAddress &address, quint16 port)
{
    const Q_IPV6ADDR raw = address.toIPv6Address();
    const QByteArray bytes(reinterpret_cast<const char *>(raw.c), 16);
    return QString::fromLatin1(bytes.toHex()) % u':' % QStringLiteral("%1").arg(port, 5, 10, QLatin1Char('0'));
}

QVariant greyText()
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    return QColor(Qt::gray);
}

} // namespace

ConnectionTableModel::ConnectionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ConnectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_active.size() + m_closed.size());
}

int ConnectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ConnectionInfo &ConnectionTableModel::connectionAt(int row) const
{
    return row < m_active.size() ? m_active.at(row) : m_closed.at(row - m_active.size());
}

QString ConnectionTableModel::ruleName(RuleId id) const
{
    return m_ruleNames.value(id, tr("rule %1").arg(id));
}

qint64 ConnectionTableModel::durationMs(const ConnectionInfo &c) const
{
    return ConnectionExport::durationMs(c, m_now);
}

QString ConnectionTableModel::text(const ConnectionInfo &c, int column) const
{
    switch (column) {
    case Rule: return ruleName(c.ruleId);
    case Client: return Format::hostPort(c.clientAddress, c.clientPort);
    case Listen: return Format::hostPort(c.listenAddress, c.listenPort);
    case Upstream: {
        const QString target = Format::hostPort(c.targetAddress, c.targetPort);
        if (c.localAddress.isNull())
            return target;
        return Format::hostPort(c.localAddress, c.localPort) % QStringLiteral(" → ") % target;
    }
    case Protocol: return protocolText(c);
    case State: return Format::sentence(toDisplayString(c.state));
    case Opened: return Format::localTime(c.openedAt);
    case Duration: return Format::duration(durationMs(c));
    case BytesUp: return Format::bytes(c.bytesUp);
    case BytesDown: return Format::bytes(c.bytesDown);
    case CloseReason: return Format::sentence(toDisplayString(c.closeReason));
    }
    return {};
}

QVariant ConnectionTableModel::sortKey(const ConnectionInfo &c, int column) const
{
    switch (column) {
    case Client: return addressKey(c.clientAddress, c.clientPort);
    case Listen: return addressKey(c.listenAddress, c.listenPort);
    case Upstream: return QString(addressKey(c.targetAddress, c.targetPort) % u' ' % addressKey(c.localAddress, c.localPort));
    case State: return int(c.state);
    case Opened: return c.openedAt.isValid() ? c.openedAt.toMSecsSinceEpoch() : qint64(0);
    case Duration: return durationMs(c);
    case BytesUp: return c.bytesUp;
    case BytesDown: return c.bytesDown;
    default: return text(c, column);
    }
}

QVariant ConnectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionInfo &c = connectionAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return text(c, column);
    case Qt::ToolTipRole:
        if (column == Opened)
            return Format::localDateTime(c.openedAt);
        if (column == Protocol && c.protocol == ::Protocol::Other)
            return c.protocolNote;
        if (column == Duration && c.closedAt.isValid())
            return tr("Closed %1").arg(Format::localDateTime(c.closedAt));
        return {};
    case Qt::TextAlignmentRole:
        if (column == Duration || column == BytesUp || column == BytesDown)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        return index.row() < m_active.size() ? QVariant() : greyText();
    case ConnectionIdRole: return c.id;
    case ActiveRole: return index.row() < m_active.size();
    case SortRole: return sortKey(c, column);
    }
    return {};
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Rule: return tr("Rule");
        case Client: return tr("Client");
        case Listen: return tr("Listen");
        case Upstream: return tr("Upstream");
        case Protocol: return tr("Protocol");
        case State: return tr("State");
        case Opened: return tr("Opened");
        case Duration: return tr("Duration");
        case BytesUp: return tr("Up");
        case BytesDown: return tr("Down");
        case CloseReason: return tr("Close reason");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case Client: return tr("The client's address and port, as the listener saw it");
        case Listen: return tr("The address and port the client connected to");
        case Upstream: return tr("Our end of the connection to the target → the target");
        case Protocol: return tr("What inspection saw: HTTP and its requests, or the TLS server name and ALPN");
        case Duration: return tr("How long the connection has been (or was) open");
        case BytesUp: return tr("Bytes sent by the client to the target");
        case BytesDown: return tr("Bytes sent by the target to the client");
        case CloseReason: return tr("Why the connection ended");
        default: return {};
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (section == Duration || section == BytesUp || section == BytesDown)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

void ConnectionTableModel::applySnapshot(const EngineSnapshot &snapshot)
{
    m_now = snapshot.time.isValid() ? snapshot.time : QDateTime::currentDateTimeUtc();
    for (const RuleStats &rule : snapshot.rules)
        m_ruleNames.insert(rule.ruleId, rule.name);

    QList<ConnectionInfo> newlyClosed;
    QList<ConnectionInfo> newlyActive;
    // An active row not listed as open any more leaves the active section; if it
    // closed, it comes back at the top of the closed section.
    QList<bool> stillOpen(m_active.size(), false);
    for (const ConnectionInfo &c : snapshot.connections) {
        const auto row = m_activeRow.constFind(c.id);
        if (c.state == ConnectionState::Closed) {
            newlyClosed.append(c);
        } else if (row != m_activeRow.cend()) {
            m_active[*row] = c;
            stillOpen[*row] = true;
        } else {
            newlyActive.append(c);
        }
    }

    removeActiveRows(stillOpen);
    const int updated = int(m_active.size());
    insertClosed(std::move(newlyClosed));
    appendActive(newlyActive);
    trimClosed();
    if (updated > 0)
        emit dataChanged(index(0, 0), index(updated - 1, ColumnCount - 1));
}

void ConnectionTableModel::removeActiveRows(const QList<bool> &keep)
{
    bool removed = false;
    // Descending, one signal per contiguous range, so earlier rows keep their numbers.
    for (int last = int(keep.size()) - 1; last >= 0; --last) {
        if (keep.at(last))
            continue;
        int first = last;
        while (first > 0 && !keep.at(first - 1))
            --first;
        beginRemoveRows({}, first, last);
        m_active.remove(first, last - first + 1);
        endRemoveRows();
        removed = true;
        last = first;
    }
    if (!removed)
        return;
    m_activeRow.clear();
    for (int row = 0; row < m_active.size(); ++row)
        m_activeRow.insert(m_active.at(row).id, row);
}

void ConnectionTableModel::insertClosed(QList<ConnectionInfo> closed)
{
    std::stable_sort(closed.begin(), closed.end(),
                     [](const ConnectionInfo &a, const ConnectionInfo &b) { return a.closedAt > b.closedAt; });
    if (closed.size() > m_closedLimit)
        closed.resize(m_closedLimit);
    if (closed.isEmpty())
        return;
    const int first = int(m_active.size());
    beginInsertRows({}, first, first + int(closed.size()) - 1);
    closed.append(m_closed);
    m_closed = std::move(closed);
    endInsertRows();
}

void ConnectionTableModel::appendActive(const QList<ConnectionInfo> &opened)
{
    if (opened.isEmpty())
        return;
    const int first = int(m_active.size());
    beginInsertRows({}, first, first + int(opened.size()) - 1);
    for (const ConnectionInfo &c : opened) {
        m_activeRow.insert(c.id, int(m_active.size()));
        m_active.append(c);
    }
    endInsertRows();
}

void ConnectionTableModel::trimClosed()
{
    if (m_closed.size() <= m_closedLimit)
        return;
    const int first = int(m_active.size()) + m_closedLimit;
    beginRemoveRows({}, first, int(m_active.size() + m_closed.size()) - 1);
    m_closed.resize(m_closedLimit);
    endRemoveRows();
}

void ConnectionTableModel::clearClosed()
{
    if (m_closed.isEmpty())
        return;
    const int first = int(m_active.size());
    beginRemoveRows({}, first, first + int(m_closed.size()) - 1);
    m_closed.clear();
    endRemoveRows();
}

void ConnectionTableModel::setClosedLimit(int limit)
{
    m_closedLimit = std::max(0, limit);
    trimClosed();
}

QString ConnectionTableModel::protocolText(const ConnectionInfo &c)
{
    if (c.transport == Transport::Udp)
        return tr("UDP");
    switch (c.protocol) {
    case ::Protocol::Http:
        // English has no catalogue: its singular is a string of its own.
        if (c.requests <= 0)
            return tr("HTTP");
        return c.requests == 1 ? tr("HTTP · 1 request") : tr("HTTP · %n requests", nullptr, c.requests);
    case ::Protocol::Tls: {
        QString text = tr("TLS");
        if (!c.serverName.isEmpty())
            text += u' ' % c.serverName;
        if (!c.alpn.isEmpty())
            text += QStringLiteral(" · ") % c.alpn.join(QStringLiteral(", "));
        return text;
    }
    case ::Protocol::Other: return tr("Not HTTP");
    case ::Protocol::Off:
    case ::Protocol::Unknown: break;
    }
    return QStringLiteral("—");
}

QString ConnectionTableModel::rowText(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const ConnectionInfo &c = connectionAt(row);
    QStringList cells;
    for (int column = 0; column < ColumnCount; ++column)
        cells.append(text(c, column));
    return cells.join(u'\t');
}
