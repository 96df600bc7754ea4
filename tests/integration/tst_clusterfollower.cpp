// ClusterFollower on its own, against the fake minikube and kubectl: when it reads
// (at start, after a wake-up, after failed connections, not more), and what it does
// with a rule that follows and one that does not.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "checks.h"
#include "cluster/clusterfollower.h"
#include "fakecluster.h"

namespace {

// The rules as a plain map, the way headless hands the engine's over.
class Rules final : public FollowedRules
{
public:
    QList<RuleId> ruleIds() const override { return m_rules.keys(); }
    ForwardRule rule(RuleId id) const override { return m_rules.value(id); }
    Result<void> updateRule(RuleId id, const ForwardRule &rule) override
    {
        m_rules.insert(id, rule);
        return {};
    }
    QMap<RuleId, ForwardRule> m_rules;
};

ForwardRule webRule(const char *node, int clusterCheckS)
{
    ForwardRule rule;
    rule.name = QStringLiteral("web");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), 31080};
    rule.target = Endpoint{QString::fromLatin1(node), 30080};
    rule.clusterCheckS = clusterCheckS;
    rule.origin = RuleOrigin{QStringLiteral("minikube"), QStringLiteral("minikube"), QStringLiteral("default"),
                             QStringLiteral("web"), QStringLiteral("http"), 8080, 30080, QStringLiteral("8080"), {}};
    return rule;
}

} // namespace

class TestClusterFollower final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void wakeUpChecksAtOnce();
    void failedConnectionsShareARead();
    void ruleThatDoesNotFollowIsMarked();

private:
    Result<void> answer(const char *node);
    int reads() const { return m_answers->calls(QStringLiteral("kubectl-get-services")); }

    std::unique_ptr<FakeCluster::Answers> m_answers;
};

void TestClusterFollower::init()
{
    m_answers = std::make_unique<FakeCluster::Answers>();
    QVERIFY(m_answers->isValid());
    qputenv("PATH", FakeCluster::path().toLocal8Bit());
    qputenv("PASARELA_FAKE_CLUSTER_DIR", FakeCluster::dir().toLocal8Bit());
    qputenv("PASARELA_FAKE_CLUSTER_ANSWERS", m_answers->path().toLocal8Bit());
    qputenv("PASARELA_FAKE_CLUSTER_LOG", m_answers->logPath().toLocal8Bit());
}

void TestClusterFollower::cleanup()
{
    m_answers.reset();
}

Result<void> TestClusterFollower::answer(const char *node)
{
    return m_answers->set({{QStringLiteral("minikube-profile-list.out"), FakeCluster::minikubeProfiles({QString::fromLatin1(node)})},
                           {QStringLiteral("kubectl-get-services.out"), FakeCluster::webService(30080)}});
}

// A QTimer does not see a suspend; the wall clock jumping ahead of it does: the next tick
// reads the cluster at once instead of waiting for the rule's period (an hour here).
void TestClusterFollower::wakeUpChecksAtOnce()
{
    QVERIFY_RESULT(answer("127.0.0.2"));
    Rules rules;
    rules.m_rules.insert(1, webRule("127.0.0.2", 3600));
    qint64 wall = 1'000'000'000'000;
    ClusterFollower follower(&rules);
    follower.setWallClock([&wall] { return wall; });
    follower.rulesChanged();
    QSignalSpy checked(&follower, &ClusterFollower::checked);
    QSignalSpy moved(&follower, &ClusterFollower::moved);
    QTRY_COMPARE(checked.size(), 1);
    QVERIFY(follower.status(1).checkedAt.isValid());
    QVERIFY(follower.status(1).problem.isEmpty());

    // The laptop slept for an hour; the cluster came back elsewhere.
    QVERIFY_RESULT(answer("127.0.0.3"));
    wall += 3600 * 1000;
    QTRY_COMPARE_WITH_TIMEOUT(moved.size(), 1, ClusterFollower::TickMs + 5000);
    const TargetMove move = moved.at(0).at(0).value<TargetMove>();
    QCOMPARE(int(move.trigger), int(CheckTrigger::Wake));
    QCOMPARE(move.before, (QList<Endpoint>{{QStringLiteral("127.0.0.2"), 30080}}));
    QCOMPARE(rules.m_rules.value(1).target, (Endpoint{QStringLiteral("127.0.0.3"), 30080}));
}

// Connections that keep failing ask for reads, but not more than one per MinFailureGapMs.
void TestClusterFollower::failedConnectionsShareARead()
{
    QVERIFY_RESULT(answer("127.0.0.2"));
    Rules rules;
    rules.m_rules.insert(1, webRule("127.0.0.2", 3600));
    ClusterFollower follower(&rules);
    QSignalSpy checked(&follower, &ClusterFollower::checked);
    QTRY_COMPARE(checked.size(), 1);
    const int before = reads();
    QElapsedTimer clock;
    clock.start();
    // Failures reported for 2 s, as the engine does after each snapshot.
    while (clock.elapsed() < 2000) {
        follower.connectionFailed(1);
        QTest::qWait(250);
    }
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, ClusterFollower::MinFailureGapMs + 5000);
    QVERIFY2(clock.elapsed() >= ClusterFollower::MinFailureGapMs - 500, "a failure was read at once after the start's read");
    QCOMPARE(reads(), before + 1);
}

// followCluster false: the rule keeps its target; the window marks it for Update target.
void TestClusterFollower::ruleThatDoesNotFollowIsMarked()
{
    QVERIFY_RESULT(answer("127.0.0.3"));
    Rules rules;
    ForwardRule rule = webRule("127.0.0.2", 30);
    rule.followCluster = false;
    rules.m_rules.insert(7, rule);
    ClusterFollower follower(&rules);
    QSignalSpy checked(&follower, &ClusterFollower::checked);
    QSignalSpy moved(&follower, &ClusterFollower::moved);
    QTRY_COMPARE(checked.size(), 1);
    QCOMPARE(moved.size(), 0);
    QCOMPARE(rules.m_rules.value(7).target, rule.target);
    QCOMPARE(follower.staleTargets().value(7).targets, (QList<Endpoint>{{QStringLiteral("127.0.0.3"), 30080}}));
    // A failed connection does not make a rule that does not follow read the cluster.
    follower.connectionFailed(7);
    QVERIFY(!follower.isRunning());

    // Turned on, it is read and moved at once.
    rules.m_rules[7].followCluster = true;
    follower.rulesChanged();
    QTRY_COMPARE(moved.size(), 1);
    QCOMPARE(int(moved.at(0).at(0).value<TargetMove>().trigger), int(CheckTrigger::Start));
    QVERIFY(follower.staleTargets().isEmpty());
}

QTEST_GUILESS_MAIN(TestClusterFollower)
#include "tst_clusterfollower.moc"
