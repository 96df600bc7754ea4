#pragma once

#include <memory>

#include <QObject>
#include <QSet>
#include <QTimer>

#include "commandline.h"
#include "relay/enginesnapshot.h"

class ClusterFollower;
class DemoIngress;
class ForwardEngine;
struct TargetMove;

// Runs the rules without a window until SIGINT/SIGTERM, printing one line per
// listener, per refused or failed connection, per rule that followed the cluster,
// and on request stats lines, a line per closed connection, and a line per HTTP
// request and TLS hello. Moved targets are not written to the rules file.
class HeadlessRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessRunner)

public:
    enum ExitCode { Ok = 0, BadInput = 2, ListenFailed = 3 };

    // requireRules: with no rule at all, fail (exit 2) instead of waiting.
    HeadlessRunner(CommandLine options, bool requireRules);
    ~HeadlessRunner() override;

    // Runs the event loop; returns the process exit code.
    int exec();

private:
    struct LoadedRules
    {
        QList<ForwardRule> rules;  // the file's, then the --forward ones
        int maxConnections = 0;    // the file's top-level "maxConnections"; 0 when not set
    };

    Result<LoadedRules> loadRules() const;
    void onRuleState(RuleId id, RuleState state);
    void printStats();
    void printClosed(const EngineSnapshot &snapshot);
    void printRequests(const EngineSnapshot &snapshot);
    Result<void> startDemo();
    void followCluster();
    void printMove(const TargetMove &move);
    void stop(int code);

    CommandLine m_options;
    bool m_requireRules;
    std::unique_ptr<DemoIngress> m_demo;  // before the engine: destroyed after it
    std::unique_ptr<ForwardEngine> m_engine;
    struct EngineRules;
    std::unique_ptr<EngineRules> m_followed;     // after the engine: destroyed before it
    std::unique_ptr<ClusterFollower> m_follower;
    QTimer m_statsTimer;
    QSet<quint64> m_tlsPrinted;  // open connections whose TLS line is out
};
