// The relay workers' epoll event loop keeps Qt's contracts: timers (single-shot,
// repeating, stopped from their own handler), events posted from other threads,
// socket notifiers switched off and on, ExcludeSocketNotifiers, and QThread::quit;
// and its native watches are edge-triggered.
#include <sys/socket.h>
#include <unistd.h>

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

#include "relay/epolldispatcher.h"

class TestEpollDispatcher final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void timers();
    void postedFromAnotherThread();
    void socketNotifiers();
    void nativeWatchIsEdgeTriggered();
    void excludeSocketNotifiers();

private:
    // Runs f inside the dispatcher's thread and waits for it.
    template <typename F>
    void inThread(F f)
    {
        QMetaObject::invokeMethod(m_context, f, Qt::BlockingQueuedConnection);
    }

    QThread *m_thread = nullptr;
    QObject *m_context = nullptr;
};

void TestEpollDispatcher::init()
{
    m_thread = new QThread;
    m_thread->setEventDispatcher(new EpollDispatcher);
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    m_thread->start();
}

void TestEpollDispatcher::cleanup()
{
    QMetaObject::invokeMethod(m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    QVERIFY(m_thread->wait(5000));
    delete m_thread;
}

void TestEpollDispatcher::timers()
{
    std::atomic<int> singleShots{0}, ticks{0};
    std::atomic<qint64> firstShotMs{-1};
    inThread([&] {
        auto *clock = new QElapsedTimer;
        clock->start();
        QTimer::singleShot(50, m_context, [&, clock] {
            firstShotMs = clock->elapsed();
            ++singleShots;
            delete clock;
        });
        auto *repeating = new QTimer(m_context);
        QObject::connect(repeating, &QTimer::timeout, m_context, [&, repeating] {
            if (++ticks == 5)
                repeating->stop();  // stopped from its own handler
        });
        repeating->start(10);
    });
    QTRY_COMPARE(singleShots.load(), 1);
    QTRY_COMPARE(ticks.load(), 5);
    QVERIFY2(firstShotMs >= 49 && firstShotMs < 1000, qPrintable(QString::number(firstShotMs)));
    QTest::qWait(100);  // a stopped timer stays stopped
    QCOMPARE(ticks.load(), 5);
    QCOMPARE(singleShots.load(), 1);
}

void TestEpollDispatcher::postedFromAnotherThread()
{
    // The loop sleeps with no timer at all: only the wake-up can deliver these.
    std::atomic<int> delivered{0};
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 100; ++i)
        QMetaObject::invokeMethod(m_context, [&] { ++delivered; }, Qt::QueuedConnection);
    QTRY_COMPARE(delivered.load(), 100);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
}

void TestEpollDispatcher::socketNotifiers()
{
    int pair[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair), 0);
    std::atomic<int> reads{0}, writes{0};
    QSocketNotifier *reader = nullptr;
    QSocketNotifier *writer = nullptr;
    inThread([&] {
        reader = new QSocketNotifier(pair[0], QSocketNotifier::Read, m_context);
        QObject::connect(reader, &QSocketNotifier::activated, m_context, [&] {
            char buffer[16];
            while (::read(pair[0], buffer, sizeof buffer) > 0) {
            }
            ++reads;
        });
        // Read and write interest on the same descriptor.
        writer = new QSocketNotifier(pair[0], QSocketNotifier::Write, m_context);
        QObject::connect(writer, &QSocketNotifier::activated, m_context, [&] {
            ++writes;
            writer->setEnabled(false);  // level-triggered: it would fire forever
        });
    });
    QTRY_COMPARE(writes.load(), 1);
    QCOMPARE(reads.load(), 0);

    QCOMPARE(::write(pair[1], "x", 1), 1);
    QTRY_COMPARE(reads.load(), 1);

    inThread([&] { reader->setEnabled(false); });
    QCOMPARE(::write(pair[1], "y", 1), 1);
    QTest::qWait(100);
    QCOMPARE(reads.load(), 1);  // switched off: nothing
    inThread([&] { reader->setEnabled(true); });
    QTRY_COMPARE(reads.load(), 2);  // on again: the waiting byte is seen
    QCOMPARE(writes.load(), 1);

    inThread([&] {
        delete reader;
        delete writer;
    });
    ::close(pair[0]);
    ::close(pair[1]);
}

namespace {

// Counts what it is told, and reads everything when asked to.
struct CountingHandler final : ReadinessHandler
{
    void ready(int, quint32 events) override
    {
        if (events & Readable)
            ++readable;
        if (events & Writable)
            ++writable;
        if (events & PeerClosed)
            ++peerClosed;
    }
    std::atomic<int> readable{0}, writable{0}, peerClosed{0};
};

} // namespace

// Told once per change, not while ready: the relay reads until EAGAIN or a short read.
void TestEpollDispatcher::nativeWatchIsEdgeTriggered()
{
    int pair[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair), 0);
    CountingHandler handler;
    inThread([&] {
        auto *dispatcher = qobject_cast<EpollDispatcher *>(QAbstractEventDispatcher::instance());
        QVERIFY(dispatcher);
        dispatcher->watch(pair[0], &handler, Readiness::Edge);
    });
    QTRY_COMPARE(handler.writable.load(), 1);  // writable from the start, told once
    QCOMPARE(::write(pair[1], "x", 1), 1);
    QTRY_COMPARE(handler.readable.load(), 1);
    QTest::qWait(100);
    QCOMPARE(handler.readable.load(), 1);  // the byte is still unread: not told again
    QCOMPARE(::write(pair[1], "y", 1), 1);
    QTRY_COMPARE(handler.readable.load(), 2);  // new data, new edge
    QCOMPARE(::shutdown(pair[1], SHUT_WR), 0);
    QTRY_COMPARE(handler.peerClosed.load(), 1);

    inThread([&] { qobject_cast<EpollDispatcher *>(QAbstractEventDispatcher::instance())->unwatch(pair[0], false); });
    const int before = handler.readable.load();
    ::close(pair[1]);
    QTest::qWait(100);
    QCOMPARE(handler.readable.load(), before);  // unwatched: nothing more
    ::close(pair[0]);
}

// A loop that must not handle descriptors now still serves posted events and timers,
// and the descriptor's readiness waits for the next ordinary pass.
void TestEpollDispatcher::excludeSocketNotifiers()
{
    int pair[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair), 0);
    QCOMPARE(::write(pair[1], "x", 1), 1);
    std::atomic<int> activations{0}, timeouts{0}, activationsWhileExcluded{-1};
    QSocketNotifier *reader = nullptr;
    inThread([&] {
        reader = new QSocketNotifier(pair[0], QSocketNotifier::Read, m_context);
        QObject::connect(reader, &QSocketNotifier::activated, m_context, [&] { ++activations; });
        QTimer::singleShot(0, m_context, [&] { ++timeouts; });
        QElapsedTimer clock;
        clock.start();
        while (timeouts == 0 && clock.elapsed() < 5000)
            QAbstractEventDispatcher::instance()->processEvents(QEventLoop::ExcludeSocketNotifiers
                                                                 | QEventLoop::WaitForMoreEvents);
        activationsWhileExcluded = activations.load();
    });
    QCOMPARE(timeouts.load(), 1);
    QCOMPARE(activationsWhileExcluded.load(), 0);
    QTRY_VERIFY(activations.load() >= 1);  // back in the thread's loop: the byte is seen
    inThread([&] { delete reader; });
    ::close(pair[0]);
    ::close(pair[1]);
}

QTEST_GUILESS_MAIN(TestEpollDispatcher)
#include "tst_epolldispatcher.moc"
