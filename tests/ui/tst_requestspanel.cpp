// RequestLogModel and RequestsPanel: rows from synthetic records, the 5000-row cap, the filter,
// JSON/HAR export, replay; then real requests through a real engine, in the Requests tab and in
// the Connections tab's detail pane.
#include <QAbstractItemModelTester>
#include <QColor>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "connections/connectiondetail.h"
#include "connections/connectionspanel.h"
#include "connections/connectiontablemodel.h"
#include "enginehelpers.h"
#include "format.h"
#include "relay/forwardengine.h"
#include "requests/requestlogmodel.h"
#include "requests/requestspanel.h"
#include "testhttpserver.h"
#include "testsocket.h"

using namespace TestSupport;
using Model = RequestLogModel;

namespace {

const QDateTime Base(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

RequestRecord request(int n, int status = 200, const QString &host = QStringLiteral("api.local"))
{
    RequestRecord r;
    r.connectionId = quint64(100 + n % 3);
    r.ruleId = 1;
    r.clientAddress = QHostAddress(QStringLiteral("10.0.0.%1").arg(n % 250 + 1));
    r.clientPort = quint16(40000 + n);
    r.listenAddress = QHostAddress(QStringLiteral("0.0.0.0"));
    r.listenPort = 31042;
    r.startedAt = Base.addMSecs(n * 10);
    r.request.index = n;
    r.request.method = QStringLiteral("GET");
    r.request.host = host;
    r.request.target = QStringLiteral("/api/v1/items/%1").arg(n);
    r.request.version = QStringLiteral("HTTP/1.1");
    r.request.head = "GET /api/v1/items/" + QByteArray::number(n) + " HTTP/1.1\r\nHost: " + host.toLatin1()
                     + "\r\nAccept: */*\r\nCookie: session=1\r\n\r\n";
    r.request.status = status;
    r.request.reason = status ? QStringLiteral("Reason") : QString();
    r.request.responseBodySize = status ? 1500 : 0;
    r.request.firstByteMs = status ? 3 : -1;
    r.request.totalMs = status ? 7 : -1;
    r.request.complete = status != 0;
    return r;
}

QList<RequestRecord> requests(int first, int count)
{
    QList<RequestRecord> list;
    for (int n = first; n < first + count; ++n)
        list.append(request(n));
    return list;
}

QString cell(const QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->index(row, column).data(role).toString();
}

// Reads one response with a Content-Length body; returns its status line.
QByteArray readResponse(QTcpSocket &socket)
{
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const qsizetype at = buffer.toLower().indexOf("content-length:");
            const qsizetype lineEnd = buffer.indexOf("\r\n", at);
            const qsizetype length = buffer.mid(at + 15, lineEnd - at - 15).trimmed().toLongLong();
            if (at >= 0 && buffer.size() >= end + 4 + length)
                return buffer.left(buffer.indexOf("\r\n"));
        }
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(100))
            continue;
        buffer += socket.readAll();
    }
    return "timed out: " + buffer;
}

} // namespace

class TestRequestsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void rowsFromRecords()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuleName(1, QStringLiteral("demo ingress"));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.add({request(1), request(2, 302), request(3, 404)});
        model.add({request(4, 503), request(5, 0)});
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(reset.size(), 0);

        QCOMPARE(cell(&model, 0, Model::Time), Base.addMSecs(10).toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")));
        QCOMPARE(cell(&model, 0, Model::Rule), QStringLiteral("demo ingress"));
        QCOMPARE(cell(&model, 0, Model::Client), QStringLiteral("10.0.0.2:40001"));
        QCOMPARE(cell(&model, 0, Model::Host), QStringLiteral("api.local"));
        QCOMPARE(cell(&model, 0, Model::Method), QStringLiteral("GET"));
        QCOMPARE(cell(&model, 0, Model::Path), QStringLiteral("/api/v1/items/1"));
        QCOMPARE(cell(&model, 0, Model::Status), QStringLiteral("200"));
        QCOMPARE(cell(&model, 0, Model::Latency), QStringLiteral("7 ms"));
        QVERIFY(cell(&model, 0, Model::Latency, Qt::ToolTipRole).contains(u'3'));
        QCOMPARE(cell(&model, 0, Model::Size), Format::bytes(1500));
        QCOMPARE(model.index(0, 0).data(Model::ConnectionIdRole).toULongLong(), quint64(101));

        // 2xx plain, 3xx grey-blue, 4xx orange, 5xx red, none a dash.
        QVERIFY(!model.index(0, Model::Status).data(Qt::ForegroundRole).isValid());
        const auto color = [&](int row) { return model.index(row, Model::Status).data(Qt::ForegroundRole).value<QColor>(); };
        QVERIFY(color(1).blue() > color(1).red());
        QVERIFY(color(2).red() > color(2).green() && color(2).green() > color(2).blue());
        QVERIFY(color(3).red() > 2 * color(3).green());
        QCOMPARE(cell(&model, 4, Model::Status), QStringLiteral("—"));
        QCOMPARE(cell(&model, 4, Model::Latency), QStringLiteral("—"));
        QCOMPARE(cell(&model, 4, Model::Size), QStringLiteral("—"));
        QCOMPARE(model.record(4).request.index, 5);
        // Whole milliseconds: under one is not "0 ms".
        RequestRecord quick = request(6, 200);
        quick.request.totalMs = 0;
        model.add({quick});
        QCOMPARE(cell(&model, 5, Model::Latency), QStringLiteral("< 1 ms"));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void capDropsOldest()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.limit(), 5000);
        model.add(requests(0, 4990));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.add(requests(4990, 20));
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 9);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.record(0).request.index, 10);
        QCOMPARE(model.record(4999).request.index, 5009);

        // A batch larger than the limit keeps its newest.
        model.add(requests(10000, 5003));
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(model.record(0).request.index, 10003);
        QCOMPARE(model.record(4999).request.index, 15002);
    }

    void filterMatchesAnyColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("rows");
        QTest::newRow("host") << "WEB.local" << 1;
        QTest::newRow("status") << "404" << 1;
        QTest::newRow("path") << "items/2" << 1;
        QTest::newRow("client") << "10.0.0.4:" << 1;
        QTest::newRow("rule") << "demo" << 4;
        QTest::newRow("nothing") << "zzz" << 0;
        QTest::newRow("empty") << "" << 4;
    }

    void filterMatchesAnyColumn()
    {
        QFETCH(QString, text);
        QFETCH(int, rows);
        RequestsPanel panel;
        panel.model()->setRuleName(1, QStringLiteral("demo ingress"));
        panel.model()->add({request(1), request(2, 404), request(3, 200, QStringLiteral("web.local")), request(4)});
        panel.filter()->setText(text);
        QCOMPARE(panel.view()->model()->rowCount(), rows);
        QCOMPARE(panel.shownRecords().size(), rows);
    }

    void exportShownRows()
    {
        QTemporaryDir dir;
        RequestsPanel panel;
        panel.model()->setRuleName(1, QStringLiteral("demo ingress"));
        panel.model()->add({request(1), request(2, 404), request(3, 200, QStringLiteral("web.local"))});
        panel.filter()->setText(QStringLiteral("api.local"));

        const QString jsonPath = dir.filePath(QStringLiteral("requests.json"));
        QCOMPARE(panel.exportTo(jsonPath, RequestsPanel::ExportFormat::Json).error(), QString());
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray array = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array.at(1)[u"status"].toInt(), 404);
        QCOMPARE(array.at(0)[u"rule"].toString(), QStringLiteral("demo ingress"));

        const QString harPath = dir.filePath(QStringLiteral("requests.har"));
        QCOMPARE(panel.exportTo(harPath, RequestsPanel::ExportFormat::Har).error(), QString());
        QFile har(harPath);
        QVERIFY(har.open(QIODevice::ReadOnly));
        const QJsonObject log = QJsonDocument::fromJson(har.readAll()).object()[u"log"].toObject();
        QCOMPARE(log[u"version"].toString(), QStringLiteral("1.2"));
        const QJsonArray entries = log[u"entries"].toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0)[u"request"][u"url"].toString(), QStringLiteral("http://api.local/api/v1/items/1"));
        // Secrets are not written.
        QVERIFY(!QJsonDocument(log).toJson().contains("session=1"));

        const QString bad = dir.filePath(QStringLiteral("missing/folder/requests.har"));
        const Result<void> failed = panel.exportTo(bad, RequestsPanel::ExportFormat::Har);
        QVERIFY(!failed);
        QVERIFY2(failed.error().contains(QDir::toNativeSeparators(bad)), qPrintable(failed.error()));
    }

    void replayEmitsRequest()
    {
        RequestsPanel panel;
        panel.model()->add({request(1), request(2, 201)});
        QSignalSpy replay(&panel, &RequestsPanel::replayRequested);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.view()->setFocus();
        panel.view()->setCurrentIndex(panel.view()->model()->index(1, 0));
        QTest::keyClick(panel.view(), Qt::Key_Return);
        QCOMPARE(replay.size(), 1);
        const HttpRequest sent = replay.at(0).at(0).value<HttpRequest>();
        QCOMPARE(sent.method, QStringLiteral("GET"));
        QCOMPARE(sent.url, QStringLiteral("http://127.0.0.1:31042/api/v1/items/2"));
        QCOMPARE(sent.header(QStringLiteral("Host")), QStringLiteral("api.local"));
        QCOMPARE(sent.header(QStringLiteral("Accept")), QStringLiteral("*/*"));

        // A body that was not captured is said.
        RequestRecord post = request(3);
        post.request.method = QStringLiteral("POST");
        post.request.requestBodySize = 42;
        panel.model()->add({post});
        QSignalSpy notice(&panel, &RequestsPanel::notice);
        panel.view()->setCurrentIndex(panel.view()->model()->index(2, 0));
        panel.sendToHttpClient();
        QCOMPARE(replay.size(), 2);
        QCOMPARE(replay.at(1).at(0).value<HttpRequest>().method, QStringLiteral("POST"));
        QCOMPARE(notice.size(), 1);
        QVERIFY(notice.at(0).at(0).toString().contains(QStringLiteral("42")));
    }

    // Captured bodies over all rows stay under the budget: the oldest rows lose theirs first.
    void capturesStayInBudget()
    {
        Model model;
        const QByteArray body(30 * 1024 * 1024, 'j');
        QList<RequestRecord> records;
        for (int n = 0; n < 3; ++n) {
            RequestRecord r = request(n);
            r.request.captured = true;
            r.request.responseBody = body;
            records.append(r);
        }
        model.add(records.mid(0, 2));
        QVERIFY(model.record(0).request.captured && model.record(1).request.captured);
        model.add(records.mid(2));
        QVERIFY(!model.record(0).request.captured);
        QVERIFY(model.record(0).request.responseBody.isEmpty());
        QVERIFY(model.record(1).request.captured && model.record(2).request.captured);
        // Rows trimmed away give their share back.
        model.setLimit(1);
        model.add({records.at(0)});
        QVERIFY(model.record(0).request.captured);
    }

    void emptyNote()
    {
        RequestsPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *note = panel.findChild<QLabel *>(QStringLiteral("noRequests"));
        QVERIFY(note && note->isVisible());
        panel.model()->add({request(1)});
        QVERIFY(!note->isVisible());
    }

    void realRequestsThroughEngine()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        ForwardEngine engine(1);
        engine.setPublishRequests(true);
        engine.setSnapshotInterval(50);
        RequestsPanel requestsPanel;
        ConnectionsPanel connections(&engine);
        connections.setRequestModel(requestsPanel.model());
        connect(&engine, &ForwardEngine::snapshotReady, &requestsPanel, &RequestsPanel::applySnapshot);
        connect(&engine, &ForwardEngine::snapshotReady, &connections, &ConnectionsPanel::applySnapshot);
        ForwardRule rule = makeRule(QStringLiteral("api"), freePort(), server.port());
        rule.inspectHttp = true;
        RuleId id = 0;
        QVERIFY(startRule(engine, rule, &id));

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, engine.rule(id).listen.port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /api/v1/items HTTP/1.1\r\nHost: api.local\r\nAccept: */*\r\n\r\n");
        QCOMPARE(readResponse(socket), QByteArray("HTTP/1.1 200 OK"));
        socket.write("GET /nowhere?x=1 HTTP/1.1\r\nHost: api.local\r\n\r\n");
        QCOMPARE(readResponse(socket), QByteArray("HTTP/1.1 404 Not Found"));

        RequestLogModel *model = requestsPanel.model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 5000);
        QCOMPARE(model->record(0).request.target, QStringLiteral("/api/v1/items"));
        QCOMPARE(model->record(1).request.target, QStringLiteral("/nowhere?x=1"));
        // Published without captures unless the engine is asked for them (the window asks).
        QVERIFY(!model->record(0).request.captured);
        QCOMPARE(model->record(0).request.capturedBytes(), 0);
        QCOMPARE(model->record(0).connectionId, model->record(1).connectionId);
        QCOMPARE(cell(model, 0, Model::Host), QStringLiteral("api.local"));
        QCOMPARE(cell(model, 0, Model::Status), QStringLiteral("200"));
        QCOMPARE(cell(model, 1, Model::Status), QStringLiteral("404"));
        QCOMPARE(cell(model, 0, Model::Rule), QStringLiteral("api"));
        QCOMPARE(cell(model, 0, Model::Client), QStringLiteral("127.0.0.1:%1").arg(socket.localPort()));

        // The Connections tab: the row says HTTP and its count; selected, the pane lists both.
        QTRY_COMPARE_WITH_TIMEOUT(connections.model()->rowCount(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(connections.view()->model(), 0, ConnectionTableModel::Protocol),
                                  QStringLiteral("HTTP · 2 requests"), 5000);
        QCOMPARE(connections.detail()->requestView()->model()->rowCount(), 0);
        connections.view()->setCurrentIndex(connections.view()->model()->index(0, 0));
        QTRY_COMPARE_WITH_TIMEOUT(connections.detail()->requestView()->model()->rowCount(), 2, 5000);
        QCOMPARE(connections.detail()->line()->text(), QStringLiteral("HTTP · 2 requests"));
        QCOMPARE(cell(connections.detail()->requestView()->model(), 1, Model::Path), QStringLiteral("/nowhere?x=1"));

        // Closed, the row moves to the closed section and stays selected, with its requests.
        socket.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(connections.model()->activeCount(), 0, 5000);
        QCOMPARE(connections.detail()->requestView()->model()->rowCount(), 2);
        QVERIFY(connections.view()->selectionModel()->currentIndex().isValid());
    }
};

QTEST_MAIN(TestRequestsPanel)
#include "tst_requestspanel.moc"
