#include "connectiondetail.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "connectiontablemodel.h"
#include "requests/requestlogmodel.h"

class ConnectionDetail::Filter final : public QSortFilterProxyModel
{
    Q_DISABLE_COPY_MOVE(Filter)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setConnection(quint64 id)
    {
        if (id == m_id)
            return;
        m_id = id;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        return m_id != 0 && index.data(RequestLogModel::ConnectionIdRole).toULongLong() == m_id;
    }

private:
    quint64 m_id = 0;
};

ConnectionDetail::ConnectionDetail(QWidget *parent)
    : QWidget(parent)
    , m_filter(new Filter(this))
    , m_requestView(new QTableView(this))
    , m_line(new QLabel(this))
{
    m_line->setObjectName(QStringLiteral("connectionDetail"));
    m_line->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_line->setWordWrap(true);
    m_filter->setSortRole(RequestLogModel::SortRole);
    m_requestView->setObjectName(QStringLiteral("connectionRequests"));
    m_requestView->setAccessibleName(tr("Requests of the selected connection"));
    m_requestView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_requestView->setAlternatingRowColors(true);
    m_requestView->setWordWrap(false);
    m_requestView->verticalHeader()->hide();
    m_requestView->horizontalHeader()->setStretchLastSection(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_line);
    layout->addWidget(m_requestView, 1);
    showConnection(nullptr);
}

void ConnectionDetail::setRequestModel(RequestLogModel *requests)
{
    m_filter->setSourceModel(requests);
    m_requestView->setModel(m_filter);
    // Rule and client are the connection's, shown in the table above.
    m_requestView->hideColumn(RequestLogModel::Rule);
    m_requestView->hideColumn(RequestLogModel::Client);
    m_requestView->horizontalHeader()->setSectionResizeMode(RequestLogModel::Path, QHeaderView::Stretch);
    const QFontMetrics metrics = m_requestView->fontMetrics();
    const auto width = [&](const char *sample) { return metrics.horizontalAdvance(QString::fromUtf8(sample)) + 20; };
    m_requestView->setColumnWidth(RequestLogModel::Time, width("00:00:00.000"));
    m_requestView->setColumnWidth(RequestLogModel::Host, width("api.example.local"));
    m_requestView->setColumnWidth(RequestLogModel::Method, width("OPTIONS"));
    m_requestView->setColumnWidth(RequestLogModel::Size, width("999 KB"));
    m_requestView->setColumnWidth(RequestLogModel::Status, width("Status"));
    m_requestView->setColumnWidth(RequestLogModel::Latency, width("Latency"));
}

void ConnectionDetail::showConnection(const ConnectionInfo *c)
{
    m_filter->setConnection(c ? c->id : 0);
    if (!c) {
        m_line->setText(tr("Select a connection to see its HTTP requests or TLS names."));
        return;
    }
    if (c->transport == Transport::Udp) {
        m_line->setText(tr("UDP: the datagrams of one client address and port, relayed as they are (not "
                           "inspected); the session ends when its rule's idle timeout passes without one."));
        return;
    }
    const QString none = tr("none");
    switch (c->protocol) {
    case Protocol::Off: m_line->setText(tr("Inspection is off for this connection's rule.")); return;
    case Protocol::Unknown: m_line->setText(tr("Nothing recognised yet.")); return;
    case Protocol::Http: m_line->setText(ConnectionTableModel::protocolText(*c)); return;
    case Protocol::Tls:
        m_line->setText(tr("TLS · server name (SNI): %1 · ALPN: %2")
                            .arg(c->serverName.isEmpty() ? none : c->serverName,
                                 c->alpn.isEmpty() ? none : c->alpn.join(QStringLiteral(", "))));
        return;
    case Protocol::Other: m_line->setText(tr("Not HTTP: %1").arg(c->protocolNote)); return;
    }
}
