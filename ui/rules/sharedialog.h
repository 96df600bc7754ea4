#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QList>

#include "cluster/clusterinfo.h"
#include "result.h"
#include "rules/forwardrule.h"
#include "share/shareinfo.h"

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;

// "Share": what another machine opens to reach a rule, per address of this PC
// (URL or ADDR:PORT, copyable, and its QR code), warnings when nobody or
// anybody can reach it, and for the ingress controller's rules the hosts-file
// and curl --resolve lines of the Ingress hosts, read from the cluster off
// the GUI thread.
class ShareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShareDialog)

public:
    // `addresses`: this machine's, normally machineAddresses().
    ShareDialog(const ForwardRule &rule, const QList<QHostAddress> &addresses, QWidget *parent = nullptr);
    ~ShareDialog() override;

    // The interfaces' addresses, without the bridges of local containers and
    // VMs (docker0, Minikube's br-*, virbr0...): no other machine reaches those.
    static QList<QHostAddress> machineAddresses();

    int entryCount() const { return int(m_blocks.size()); }
    QLineEdit *targetField(int entry) const { return m_blocks.at(entry).target; }
    QPushButton *copyButton(int entry) const { return m_blocks.at(entry).copy; }
    QLabel *qrLabel(int entry) const { return m_blocks.at(entry).qr; }
    // The hosts-file line, then the curl lines; empty until the hosts are read.
    QStringList ingressLines(int entry) const;
    QStringList warnings() const { return m_info.warnings; }
    // "Reading the Ingress hosts…", then what came of it; hidden for other rules.
    QLabel *hostsStatus() const { return m_hostsStatus; }
    bool isReadingHosts() const { return m_watcher.isRunning(); }

signals:
    // The Ingress hosts were read, or could not be (hostsStatus() says which).
    void hostsRead();

private:
    struct Block
    {
        QLineEdit *target = nullptr;
        QPushButton *copy = nullptr;
        QLabel *qr = nullptr;
        QFormLayout *form = nullptr;
        QList<QLineEdit *> ingressFields;
    };

    QWidget *warningBox(const QString &text);
    QWidget *entryBox(const ShareEntry &entry, Block &block);
    QWidget *copyRow(const QString &text, const QString &what, QLineEdit **field = nullptr,
                     QPushButton **button = nullptr);
    void addIngressRow(Block &block, const QString &label, QWidget *row);
    void fitScroll();
    void readHosts();
    void showHosts(const Result<ClusterInfo> &result);
    void setHostsStatus(const QString &text, bool error);

    ForwardRule m_rule;
    QList<QHostAddress> m_addresses;
    ShareInfo m_info;
    QList<Block> m_blocks;
    QScrollArea *m_scroll;
    QLabel *m_hostsStatus;
    QFutureWatcher<Result<ClusterInfo>> m_watcher;
};
