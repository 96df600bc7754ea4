#pragma once

#include <QList>
#include <QWidget>

#include "http/httpmessage.h"
#include "result.h"
#include "relay/enginesnapshot.h"

class QAction;
class QLabel;
class ReplayDialog;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class RequestLogModel;

// The Requests tab: the last requests over all rules, newest at the bottom (followed
// while the view is scrolled to the end), a filter over every column, export of the rows
// shown as JSON or HAR, "Send to HTTP client" to replay one there, and "Replay…" to send
// one again and compare its answer with the captured one.
class RequestsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestsPanel)

public:
    enum class ExportFormat { Json, Har };

    explicit RequestsPanel(QWidget *parent = nullptr);

    // Shared with the Connections tab's detail pane.
    RequestLogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filter() const { return m_filter; }

    void applySnapshot(const EngineSnapshot &snapshot);
    // The rows shown (after filtering, in view order).
    QList<RequestRecord> shownRecords() const;
    // Writes the rows shown to path.
    Result<void> exportTo(const QString &path, ExportFormat format) const;

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

public slots:
    // Replays the current row.
    void sendToHttpClient();
    // Opens the replay dialog on the current row (null when there is none).
    ReplayDialog *replay();

signals:
    void replayRequested(const HttpRequest &request);
    // Something to tell the user in the status bar.
    void notice(const QString &message);

private:
    void exportWithDialog(ExportFormat format);
    void updateActions();
    void showContextMenu(const QPoint &pos);

    RequestLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_empty;
    QAction *m_sendAction;
    QAction *m_replayAction;
    QAction *m_exportJsonAction;
    QAction *m_exportHarAction;
    QAction *m_clearAction;
    bool m_follow = true;
};
