#include <QTest>

#include "checks.h"
#include "rules/address.h"

class TestAddress final : public QObject
{
    Q_OBJECT

private slots:
    void ipAddress_data();
    void ipAddress();
    void hostName_data();
    void hostName();
    void listen_data();
    void listen();
    void target_data();
    void target();
    void badEndpoint_data();
    void badEndpoint();
    void endpointToString_data();
    void endpointToString();
    void cidr_data();
    void cidr();
    void badCidr_data();
    void badCidr();
    void contains_data();
    void contains();
};

void TestAddress::ipAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalised");

    QTest::newRow("v4") << QStringLiteral("192.168.49.2") << true << QStringLiteral("192.168.49.2");
    QTest::newRow("v4 any") << QStringLiteral("0.0.0.0") << true << QStringLiteral("0.0.0.0");
    QTest::newRow("v4 max") << QStringLiteral("255.255.255.255") << true << QStringLiteral("255.255.255.255");
    QTest::newRow("v6 loopback") << QStringLiteral("::1") << true << QStringLiteral("::1");
    QTest::newRow("v6 long") << QStringLiteral("0:0::1") << true << QStringLiteral("::1");
    QTest::newRow("v6 mapped") << QStringLiteral("::ffff:10.1.2.3") << true << QStringLiteral("::ffff:10.1.2.3");
    QTest::newRow("v6 scope") << QStringLiteral("fe80::1%lo") << true << QStringLiteral("fe80::1%lo");
    QTest::newRow("v6 scope 15 characters") << QStringLiteral("fe80::1%enp0s31f6abcdef") << true << QStringLiteral("fe80::1%enp0s31f6abcdef");
    // Caught by the tests/fuzz invariants: made "--forward [fe80::1%<long>]:80=..." a rule whose name was too long.
    QTest::newRow("v6 scope too long") << QStringLiteral("fe80::1%enp0s31f6abcdefg") << false << QString();
    QTest::newRow("octet 300") << QStringLiteral("300.1.2.3") << false << QString();
    QTest::newRow("short form") << QStringLiteral("127.1") << false << QString();
    QTest::newRow("three parts") << QStringLiteral("1.2.3") << false << QString();
    QTest::newRow("five parts") << QStringLiteral("1.2.3.4.5") << false << QString();
    QTest::newRow("octal") << QStringLiteral("010.0.0.1") << false << QString();
    QTest::newRow("single number") << QStringLiteral("2130706433") << false << QString();
    QTest::newRow("empty octet") << QStringLiteral("1..2.3") << false << QString();
    QTest::newRow("trailing dot") << QStringLiteral("1.2.3.4.") << false << QString();
    QTest::newRow("host name") << QStringLiteral("localhost") << false << QString();
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("bad v6") << QStringLiteral("::1::2") << false << QString();
    QTest::newRow("v6 junk") << QStringLiteral("12345::") << false << QString();
}

void TestAddress::ipAddress()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, normalised);

    const Result<QHostAddress> result = parseIpAddress(text);
    QCOMPARE(result.ok(), valid);
    if (valid) {
        QCOMPARE(result.value().toString(), normalised);
    } else {
        QVERIFY(!result.error().isEmpty());
        if (!text.isEmpty())
            QVERIFY2(result.error().contains(QLatin1Char('"') + text + QLatin1Char('"')), qPrintable(result.error()));
    }
}

void TestAddress::hostName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << QStringLiteral("localhost") << true;
    QTest::newRow("dotted") << QStringLiteral("minikube.local") << true;
    QTest::newRow("dashes and digits") << QStringLiteral("ingress-1.k8s.example.com") << true;
    QTest::newRow("underscore") << QStringLiteral("_srv.example.com") << true;
    QTest::newRow("leading digit") << QStringLiteral("1password.com") << true;
    QTest::newRow("63 char label") << QString(63, QLatin1Char('a')) << true;
    QTest::newRow("64 char label") << QString(64, QLatin1Char('a')) << false;
    QTest::newRow("too long") << QString(QString(60, QLatin1Char('a')) + QLatin1Char('.')).repeated(5) + QStringLiteral("com") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("ex ample.com") << false;
    QTest::newRow("empty label") << QStringLiteral("a..b") << false;
    QTest::newRow("leading dash") << QStringLiteral("-a.com") << false;
    QTest::newRow("trailing dash") << QStringLiteral("a-.com") << false;
    QTest::newRow("numeric top label") << QStringLiteral("1.2.3") << false;
    QTest::newRow("all digits") << QStringLiteral("8080") << false;
    QTest::newRow("colon") << QStringLiteral("a:b") << false;
    QTest::newRow("non ascii") << QStringLiteral("caf\u00e9.com") << false;
}

void TestAddress::hostName()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(isValidHostName(text), valid);
}

void TestAddress::listen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("port only") << QStringLiteral("8080") << QStringLiteral("127.0.0.1") << 8080;
    QTest::newRow("v4") << QStringLiteral("0.0.0.0:31042") << QStringLiteral("0.0.0.0") << 31042;
    QTest::newRow("v6 any") << QStringLiteral("[::]:8080") << QStringLiteral("::") << 8080;
    QTest::newRow("v6 loopback") << QStringLiteral("[::1]:1") << QStringLiteral("::1") << 1;
    QTest::newRow("max port") << QStringLiteral("127.0.0.1:65535") << QStringLiteral("127.0.0.1") << 65535;
    QTest::newRow("spaces trimmed") << QStringLiteral(" 10.0.0.1:80 ") << QStringLiteral("10.0.0.1") << 80;
}

void TestAddress::listen()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);

    const Result<Endpoint> result = parseListen(text);
    QVERIFY_RESULT(result);
    QCOMPARE(result.value().host, host);
    QCOMPARE(int(result.value().port), port);
}

void TestAddress::target_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("v4") << QStringLiteral("192.168.49.2:80") << QStringLiteral("192.168.49.2") << 80;
    QTest::newRow("name") << QStringLiteral("minikube.local:443") << QStringLiteral("minikube.local") << 443;
    QTest::newRow("localhost") << QStringLiteral("localhost:8080") << QStringLiteral("localhost") << 8080;
    QTest::newRow("v6") << QStringLiteral("[fd00::2]:80") << QStringLiteral("fd00::2") << 80;
}

void TestAddress::target()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);

    const Result<Endpoint> result = parseTarget(text);
    QVERIFY_RESULT(result);
    QCOMPARE(result.value().host, host);
    QCOMPARE(int(result.value().port), port);
}

void TestAddress::badEndpoint_data()
{
    QTest::addColumn<bool>("isListen");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // a part the error must contain

    QTest::newRow("listen port 0") << true << QStringLiteral("0") << QStringLiteral("port 0 is out of range (1-65535)");
    QTest::newRow("listen port 70000") << true << QStringLiteral("127.0.0.1:70000") << QStringLiteral("port 70000 is out of range (1-65535)");
    QTest::newRow("listen huge port") << true << QStringLiteral("99999999999999999999999") << QStringLiteral("is out of range (1-65535)");
    QTest::newRow("listen abc") << true << QStringLiteral("abc") << QStringLiteral("\"abc\" is not a valid port");
    QTest::newRow("listen abc port") << true << QStringLiteral("127.0.0.1:abc") << QStringLiteral("\"abc\" is not a valid port");
    QTest::newRow("listen negative port") << true << QStringLiteral("127.0.0.1:-1") << QStringLiteral("\"-1\" is not a valid port");
    QTest::newRow("listen empty port") << true << QStringLiteral("127.0.0.1:") << QStringLiteral("\"\" is not a valid port");
    QTest::newRow("listen empty") << true << QString() << QStringLiteral("empty");
    QTest::newRow("listen no port") << true << QStringLiteral("0.0.0.0") << QStringLiteral("has no port");
    QTest::newRow("listen 1.2.3") << true << QStringLiteral("1.2.3:80") << QStringLiteral("\"1.2.3\" is not a valid IP address");
    QTest::newRow("listen 300") << true << QStringLiteral("300.1.2.3:80") << QStringLiteral("\"300.1.2.3\" is not a valid IP address");
    QTest::newRow("listen host name") << true << QStringLiteral("localhost:80") << QStringLiteral("\"localhost\" is not an IP address");
    QTest::newRow("listen unclosed") << true << QStringLiteral("[::1") << QStringLiteral("closing \"]\"");
    QTest::newRow("listen unclosed port") << true << QStringLiteral("[::1:80") << QStringLiteral("closing \"]\"");
    QTest::newRow("listen v6 no brackets") << true << QStringLiteral("::1:80") << QStringLiteral("without brackets");
    QTest::newRow("listen bare v6") << true << QStringLiteral("::") << QStringLiteral("without brackets");
    QTest::newRow("listen v4 in brackets") << true << QStringLiteral("[127.0.0.1]:80") << QStringLiteral("not a valid IPv6 address");
    QTest::newRow("listen v6 no port") << true << QStringLiteral("[::1]") << QStringLiteral("has no port");
    QTest::newRow("listen junk after bracket") << true << QStringLiteral("[::1]80") << QStringLiteral("after \"]\"");

    QTest::newRow("target port 0") << false << QStringLiteral("10.0.0.1:0") << QStringLiteral("port 0 is out of range (1-65535)");
    QTest::newRow("target port 70000") << false << QStringLiteral("example.com:70000") << QStringLiteral("port 70000 is out of range (1-65535)");
    QTest::newRow("target abc port") << false << QStringLiteral("example.com:abc") << QStringLiteral("\"abc\" is not a valid port");
    QTest::newRow("target no port") << false << QStringLiteral("example.com") << QStringLiteral("has no port");
    QTest::newRow("target bare number") << false << QStringLiteral("8080") << QStringLiteral("has no port");
    QTest::newRow("target no host") << false << QStringLiteral(":80") << QStringLiteral("has no host");
    QTest::newRow("target 1.2.3") << false << QStringLiteral("1.2.3:80") << QStringLiteral("\"1.2.3\" is not a valid IP address");
    QTest::newRow("target 127.1") << false << QStringLiteral("127.1:80") << QStringLiteral("\"127.1\" is not a valid IP address");
    QTest::newRow("target bad name") << false << QStringLiteral("ex ample:80") << QStringLiteral("not a valid host name");
    QTest::newRow("target unclosed") << false << QStringLiteral("[::1") << QStringLiteral("closing \"]\"");
    QTest::newRow("target v6 no brackets") << false << QStringLiteral("::1:80") << QStringLiteral("[::1]:8080");
    QTest::newRow("target name in brackets") << false << QStringLiteral("[example.com]:80") << QStringLiteral("not a valid IPv6 address");
    QTest::newRow("target empty") << false << QStringLiteral("  ") << QStringLiteral("empty");
}

void TestAddress::badEndpoint()
{
    QFETCH(bool, isListen);
    QFETCH(QString, text);
    QFETCH(QString, message);

    const Result<Endpoint> result = isListen ? parseListen(text) : parseTarget(text);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(message), qPrintable(result.error()));
}

void TestAddress::endpointToString_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("text");

    QTest::newRow("v4") << QStringLiteral("127.0.0.1") << 8080 << QStringLiteral("127.0.0.1:8080");
    QTest::newRow("v6") << QStringLiteral("::1") << 8080 << QStringLiteral("[::1]:8080");
    QTest::newRow("name") << QStringLiteral("example.com") << 80 << QStringLiteral("example.com:80");
}

void TestAddress::endpointToString()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, text);

    const Endpoint endpoint{host, quint16(port)};
    QCOMPARE(endpoint.toString(), text);
    // What toString() writes, the parsers read back.
    const Result<Endpoint> parsed = parseTarget(endpoint.toString());
    QVERIFY_RESULT(parsed);
    QCOMPARE(parsed.value(), endpoint);
}

void TestAddress::cidr_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("network");
    QTest::addColumn<int>("prefix");

    QTest::newRow("v4 /24") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.1.0") << 24;
    QTest::newRow("v4 /0") << QStringLiteral("0.0.0.0/0") << QStringLiteral("0.0.0.0") << 0;
    QTest::newRow("v4 /32") << QStringLiteral("10.0.0.1/32") << QStringLiteral("10.0.0.1") << 32;
    QTest::newRow("v4 bare") << QStringLiteral("10.0.0.1") << QStringLiteral("10.0.0.1") << 32;
    QTest::newRow("v6 /64") << QStringLiteral("fd00::/64") << QStringLiteral("fd00::") << 64;
    QTest::newRow("v6 /128") << QStringLiteral("::1/128") << QStringLiteral("::1") << 128;
    QTest::newRow("v6 bare") << QStringLiteral("::1") << QStringLiteral("::1") << 128;
}

void TestAddress::cidr()
{
    QFETCH(QString, text);
    QFETCH(QString, network);
    QFETCH(int, prefix);

    const Result<Cidr> result = parseCidr(text);
    QVERIFY_RESULT(result);
    QCOMPARE(result.value().network.toString(), network);
    QCOMPARE(result.value().prefixLength, prefix);
    QCOMPARE(result.value().toString(), network + QLatin1Char('/') + QString::number(prefix));
}

void TestAddress::badCidr_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("v4 /33") << QStringLiteral("10.0.0.0/33") << QStringLiteral("\"10.0.0.0/33\": prefix length must be 0-32 for IPv4");
    QTest::newRow("v6 /129") << QStringLiteral("fd00::/129") << QStringLiteral("\"fd00::/129\": prefix length must be 0-128 for IPv6");
    QTest::newRow("negative") << QStringLiteral("10.0.0.0/-1") << QStringLiteral("prefix length must be 0-32");
    QTest::newRow("empty prefix") << QStringLiteral("10.0.0.0/") << QStringLiteral("prefix length must be 0-32");
    QTest::newRow("text prefix") << QStringLiteral("10.0.0.0/abc") << QStringLiteral("prefix length must be 0-32");
    QTest::newRow("huge prefix") << QStringLiteral("10.0.0.0/0000024") << QStringLiteral("prefix length must be 0-32");
    QTest::newRow("two slashes") << QStringLiteral("10.0.0.0/8/8") << QStringLiteral("prefix length must be 0-32");
    QTest::newRow("bad address") << QStringLiteral("300.0.0.0/8") << QStringLiteral("\"300.0.0.0\" is not a valid IP address");
    QTest::newRow("short address") << QStringLiteral("10/8") << QStringLiteral("\"10\" is not a valid IP address");
    QTest::newRow("name") << QStringLiteral("example.com") << QStringLiteral("\"example.com\" is not a valid IP address");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
}

void TestAddress::badCidr()
{
    QFETCH(QString, text);
    QFETCH(QString, message);

    const Result<Cidr> result = parseCidr(text);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(message), qPrintable(result.error()));
}

void TestAddress::contains_data()
{
    QTest::addColumn<QString>("cidr");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("inside");

    QTest::newRow("v4 inside") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.1.77") << true;
    QTest::newRow("v4 outside") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.2.1") << false;
    QTest::newRow("v4 host bits set") << QStringLiteral("192.168.1.5/24") << QStringLiteral("192.168.1.200") << true;
    QTest::newRow("v4 single host") << QStringLiteral("10.0.0.1") << QStringLiteral("10.0.0.1") << true;
    QTest::newRow("v4 single host other") << QStringLiteral("10.0.0.1") << QStringLiteral("10.0.0.2") << false;
    QTest::newRow("v4 /0 everyone") << QStringLiteral("0.0.0.0/0") << QStringLiteral("203.0.113.9") << true;
    QTest::newRow("mapped v6 inside") << QStringLiteral("10.0.0.0/8") << QStringLiteral("::ffff:10.1.2.3") << true;
    QTest::newRow("mapped v6 outside") << QStringLiteral("10.0.0.0/8") << QStringLiteral("::ffff:11.1.2.3") << false;
    QTest::newRow("plain v6 vs v4 net") << QStringLiteral("0.0.0.0/0") << QStringLiteral("fd00::1") << false;
    QTest::newRow("v4 vs v6 net") << QStringLiteral("fd00::/8") << QStringLiteral("10.0.0.1") << false;
    QTest::newRow("v6 inside") << QStringLiteral("fd00::/64") << QStringLiteral("fd00::abcd") << true;
    QTest::newRow("v6 outside") << QStringLiteral("fd00::/64") << QStringLiteral("fd00:0:0:1::1") << false;
    QTest::newRow("v6 loopback") << QStringLiteral("::1") << QStringLiteral("::1") << true;
}

void TestAddress::contains()
{
    QFETCH(QString, cidr);
    QFETCH(QString, address);
    QFETCH(bool, inside);

    const Result<Cidr> network = parseCidr(cidr);
    QVERIFY_RESULT(network);
    QCOMPARE(network.value().contains(QHostAddress(address)), inside);
    QVERIFY(!network.value().contains(QHostAddress()));
}

QTEST_APPLESS_MAIN(TestAddress)
#include "tst_address.moc"
