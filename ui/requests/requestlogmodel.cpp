#include "requestlogmodel.h"

#include <algorithm>

#include <QColor>

#include "format.h"

namespace {

const QString None = QStringLiteral("—");

QVariant statusColor(int status)
{
    if (status >= 500)
        return QColor(0xc0, 0x1c, 0x28);
    if (status >= 400)
        return QColor(0xb3, 0x5c, 0x00);
    if (status >= 300)
        return QColor(0x4a, 0x6a, 0x8a);
    return {};
}

} // namespace

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RequestLogModel::ruleName(RuleId id) const
{
    return m_ruleNames.value(id, tr("rule %1").arg(id));
}

void RequestLogModel::setRuleName(RuleId id, const QString &name)
{
    m_ruleNames.insert(id, name);
}

QString RequestLogModel::text(const RequestRecord &record, int column) const
{
    const InspectedRequest &r = record.request;
    switch (column) {
    case Time:
        return record.startedAt.isValid() ? record.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"))
                                          : QString();
    case Rule: return ruleName(record.ruleId);
    case Client: return Format::hostPort(record.clientAddress, record.clientPort);
    case Host: return r.host;
    case Method: return r.method;
    case Path: return r.target;
    case Status: return r.status ? QString::number(r.status) : None;
    case Latency:
        if (r.totalMs < 0)
            return None;
        // Times are whole milliseconds: 0 means it took less than one.
        return r.totalMs == 0 ? tr("< 1 ms") : tr("%1 ms").arg(r.totalMs);
    case Size: return r.status ? Format::bytes(quint64(std::max<qint64>(0, r.responseBodySize))) : None;
    }
    return {};
}

QVariant RequestLogModel::sortKey(const RequestRecord &record, int column) const
{
    const InspectedRequest &r = record.request;
    switch (column) {
    case Time: return record.startedAt.isValid() ? record.startedAt.toMSecsSinceEpoch() : qint64(0);
    case Status: return r.status;
    case Latency: return r.totalMs;
    case Size: return r.status ? r.responseBodySize : qint64(-1);
    default: return text(record, column);
    }
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestRecord &record = m_rows.at(index.row());
    const InspectedRequest &r = record.request;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return text(record, column);
    case Qt::ToolTipRole:
        if (column == Time)
            return Format::localDateTime(record.startedAt);
        if (column == Status)
            return r.status ? QString(QString::number(r.status) % u' ' % r.reason
                                      % (r.contentType.isEmpty() ? QString() : u" · " % r.contentType))
                            : tr("No response came before the connection closed");
        if (column == Latency)
            return r.firstByteMs >= 0 ? tr("First byte after %1 ms").arg(r.firstByteMs) : tr("No response byte seen");
        if (column == Path || column == Host)
            return text(record, column);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Status || column == Latency || column == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole: return column == Status ? statusColor(r.status) : QVariant();
    case ConnectionIdRole: return record.connectionId;
    case SortRole: return sortKey(record, column);
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Time: return tr("Time");
        case Rule: return tr("Rule");
        case Client: return tr("Client");
        case Host: return tr("Host");
        case Method: return tr("Method");
        case Path: return tr("Path");
        case Status: return tr("Status");
        case Latency: return tr("Latency");
        case Size: return tr("Size");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case Time: return tr("When the request's first byte arrived");
        case Host: return tr("The Host header the client sent");
        case Path: return tr("The request target as sent");
        case Latency: return tr("From the request to the end of the response");
        case Size: return tr("Response body size");
        default: return {};
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (section == Status || section == Latency || section == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

void RequestLogModel::applySnapshot(const EngineSnapshot &snapshot)
{
    for (const RuleStats &rule : snapshot.rules)
        m_ruleNames.insert(rule.ruleId, rule.name);
    add(snapshot.requests);
}

void RequestLogModel::add(const QList<RequestRecord> &records)
{
    if (records.isEmpty())
        return;
    const qsizetype skip = std::max<qsizetype>(0, records.size() - m_limit);
    const int count = int(records.size() - skip);
    trim(count);
    // A batch gathers several workers' connections: in time order it reads as a log.
    QList<RequestRecord> batch = records;
    std::stable_sort(batch.begin(), batch.end(),
                     [](const RequestRecord &a, const RequestRecord &b) { return a.startedAt < b.startedAt; });
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + count - 1);
    m_rows.append(batch.mid(skip));
    endInsertRows();
    for (qsizetype row = first; row < m_rows.size(); ++row)
        m_capturedBytes += m_rows.at(row).request.capturedBytes();
    keepCapturesInBudget();
}

void RequestLogModel::keepCapturesInBudget()
{
    for (RequestRecord &record : m_rows) {
        if (m_capturedBytes <= CaptureBudget)
            return;
        m_capturedBytes -= record.request.capturedBytes();
        record.request.dropCapture();
    }
}

// Drops the oldest rows so that `room` more fit under the limit.
void RequestLogModel::trim(int room)
{
    const int excess = int(m_rows.size()) + room - m_limit;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    for (int row = 0; row < excess; ++row)
        m_capturedBytes -= m_rows.at(row).request.capturedBytes();
    m_rows.remove(0, excess);
    endRemoveRows();
}

void RequestLogModel::setLimit(int limit)
{
    m_limit = std::max(1, limit);
    trim(0);
}

void RequestLogModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    m_capturedBytes = 0;
    endRemoveRows();
}
