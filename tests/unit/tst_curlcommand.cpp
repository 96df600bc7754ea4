#include <QStandardPaths>
#include <QTest>

#include "checks.h"
#include "http/curlcommand.h"
#include "processrun.h"

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

HttpRequest request(const QString &method, const QString &url, const QByteArray &body = {})
{
    HttpRequest r;
    r.method = method;
    r.url = url;
    r.body = body;
    return r;
}

QString describe(const HttpRequest &r)
{
    QStringList headers;
    for (const HttpHeader &h : r.headers)
        headers << h.name % u": "_s % h.value;
    return r.method % u" "_s % r.url % u" ["_s % headers.join(u" | "_s) % u"] body="_s % QString::fromLatin1(r.body.toPercentEncoding())
           % u" type="_s % r.contentType % u" timeout="_s % QString::number(r.timeoutMs) % u" tls="_s % QString::number(r.verifyTls)
           % u" follow="_s % QString::number(r.followRedirects);
}

// Chrome's "Copy as cURL (bash)".
// Some lines are plain literals: moc misreads quotes inside those raw strings.
const QString ChromeCommand = QString::fromUtf8(
    R"(curl 'https://api.example.com/v1/items?page=2&q=caf%C3%A9' )" "\\\n"
    R"(  -H 'accept: application/json, text/plain, */*' )" "\\\n"
    R"(  -H 'accept-language: es-ES,es;q=0.9' )" "\\\n"
    R"(  -H 'content-type: application/json' )" "\\\n"
    R"(  -b 'sid=abc123; theme=dark' )" "\\\n"
    R"(  -H 'origin: https://example.com' )" "\\\n"
    R"(  -H 'sec-ch-ua: "Chromium";v="122", "Not(A:Brand";v="24"' )" "\\\n"
    R"(  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36' )" "\\\n"
    "  --data-raw $'{\"name\":\"O\\'Brien\",\"note\":\"l\\u00ednea 1\\\\nl\\u00ednea 2\",\"ok\":true\\u0021}' \\\n"
    R"(  --compressed)");

// Firefox's "Copy as cURL (POSIX)".
const QString FirefoxCommand = QString::fromUtf8(
    "curl 'http://192.168.49.2:31042/api/login' -X PUT -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0' -H 'Accept: */*' -H 'Accept-Encoding: gzip, deflate, br' -H 'Host: api.local' -H 'Content-Type: application/x-www-form-urlencoded' -H 'Connection: keep-alive' -H 'Cookie: a=1' --data-raw 'user=ana&pass=it'\"'\"'s'");

} // namespace

class TestCurlCommand final : public QObject
{
    Q_OBJECT

private slots:
    void fromRequest_data();
    void fromRequest();
    void roundTrip_data();
    void roundTrip();
    void chrome();
    void firefox();
    void options_data();
    void options();
    void errors_data();
    void errors();
};

void TestCurlCommand::fromRequest_data()
{
    QTest::addColumn<HttpRequest>("request");
    QTest::addColumn<QString>("command");

    QTest::newRow("GET") << request(u"GET"_s, u"http://h:8080/a"_s) << u"curl http://h:8080/a -L"_s;
    HttpRequest get = request(u"GET"_s, u"http://h/a?b=1&c=2"_s);
    get.followRedirects = false;
    QTest::newRow("query quoted, no -L") << get << u"curl 'http://h/a?b=1&c=2'"_s;

    HttpRequest post = request(u"POST"_s, u"http://h/"_s, R"({"a":"it's"})");
    post.contentType = u"application/json"_s;
    post.headers = {{u"Host"_s, u"api.local"_s}, {u"X-Off"_s, u"x"_s, false}, {u"Authorization"_s, QString(), true, true},
                    {u"X-Empty"_s, QString()}};
    QTest::newRow("POST with body")
        << post
        << QString::fromUtf8(R"(curl http://h/ -H 'Host: api.local' -H 'X-Empty;' -H 'Content-Type: application/json' --data-raw '{"a":"it'\''s"}' -L)");

    QTest::newRow("PUT") << request(u"PUT"_s, u"http://h/"_s, "x") << u"curl -X PUT http://h/ --data-raw x -L"_s;
    QTest::newRow("POST without body") << request(u"POST"_s, u"http://h/"_s) << u"curl -X POST http://h/ -L"_s;
    QTest::newRow("GET with body") << request(u"GET"_s, u"http://h/"_s, "q") << u"curl -X GET http://h/ --data-raw q -L"_s;
    QTest::newRow("HEAD") << request(u"HEAD"_s, u"http://h/"_s) << u"curl -I http://h/ -L"_s;

    HttpRequest lines = request(u"POST"_s, u"https://h/"_s, "a\nb's\t\\ \x01!");
    lines.verifyTls = false;
    lines.timeoutMs = 1500;
    QTest::newRow("body on one line") << lines << QString::fromUtf8(R"(curl https://h/ --data-raw $'a\nb\'s\t\\ \x01\x21' -k -L --max-time 1.5)");
    QTest::newRow("binary body") << request(u"POST"_s, u"http://h/"_s, "\xff\xc3\xa9")
                                 << u"curl http://h/ --data-raw $'\\xff\\xc3\\xa9' -L"_s;
    // Found by tests/fuzz: with "Referer:  " curl would remove the header.
    HttpRequest blank = request(u"GET"_s, u"http://h/"_s);
    blank.headers = {{u"Referer"_s, u" \t "_s}};
    QTest::newRow("value of blanks") << blank << u"curl http://h/ -H 'Referer;' -L"_s;
}

void TestCurlCommand::fromRequest()
{
    QFETCH(HttpRequest, request);
    QFETCH(QString, command);
    QCOMPARE(CurlCommand::fromRequest(request), command);
    QVERIFY(!command.contains(u'\n'));
}

void TestCurlCommand::roundTrip_data()
{
    QTest::addColumn<HttpRequest>("request");

    QTest::newRow("plain GET") << request(u"GET"_s, u"http://192.168.49.2:31042/"_s);
    HttpRequest awkward = request(u"PATCH"_s, u"https://api.local/it's/$HOME/`x`/\"q\"?a=b&c=d#frag"_s);
    awkward.headers = {{u"Host"_s, u"api.local"_s},
                       {u"X-Quote"_s, QString::fromUtf8(R"(he said "it's" \ $PATH `id` ; | & > < !)")},
                       {u"X-Unicode"_s, u"caf\u00e9 \u65e5\u672c \U0001F600"_s},
                       {u"X-Spaces"_s, u"a  b  "_s},
                       {u"X-Empty"_s, QString()},
                       {u"Authorization"_s, u"Bearer abc.def"_s}};
    awkward.body = "{\n  \"text\": \"line1\\nline2 'single' \\\"double\\\" $var \\\\ `cmd`\",\r\n\t\"emoji\": \"\xf0\x9f\x98\x80\"\n}";
    awkward.contentType = u"application/json; charset=utf-8"_s;
    awkward.timeoutMs = 2750;
    awkward.verifyTls = false;
    awkward.followRedirects = false;
    QTest::newRow("awkward everything") << awkward;
    QTest::newRow("bytes that are not UTF-8") << request(u"POST"_s, u"http://h/"_s, QByteArray("\x80\xfe\xff\xc3(\x7f\x1b end"));
    QTest::newRow("backslashes and quotes only") << request(u"POST"_s, u"http://h/"_s, R"(\\'\''"\")");
    QTest::newRow("custom method") << request(u"PURGE"_s, u"http://h/cache"_s);
    QTest::newRow("DELETE with body") << request(u"DELETE"_s, u"http://h/x"_s, "id=1");
    QTest::newRow("HEAD") << request(u"HEAD"_s, u"http://h/"_s);
    HttpRequest shortTimeout = request(u"GET"_s, u"http://h/"_s);
    shortTimeout.timeoutMs = 1;
    QTest::newRow("1 ms") << shortTimeout;
}

void TestCurlCommand::roundTrip()
{
    QFETCH(HttpRequest, request);
    const QString command = CurlCommand::fromRequest(request);
    QStringList notes;
    const Result<HttpRequest> back = CurlCommand::toRequest(command, &notes);
    QVERIFY2(back.ok(), qPrintable(command % u"\n"_s % back.error()));
    QVERIFY2(back.value() == request, qPrintable(command % u"\ngave      "_s % describe(back.value()) % u"\nexpected  "_s % describe(request)));
    QCOMPARE(notes, QStringList());

    // A real shell must read the command the same way.
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    if (bash.isEmpty())
        QSKIP("bash is not installed");
    ProcessOptions options;
    options.timeoutMs = 10000;
    const ProcessRun shell = runProcess(bash, {u"-c"_s, u"printf '%s\\0'"_s % command.mid(4)}, options);
    QVERIFY2(shell.exitCode == 0, shell.describe().constData());
    QByteArrayList words = shell.out.split('\0');
    words.removeLast();
    QVERIFY(words.contains(request.url.toUtf8()));
    if (!request.body.isEmpty()) {
        QVERIFY(words.contains("--data-raw"));
        QCOMPARE(words.at(words.indexOf("--data-raw") + 1), request.body);
    }
    for (const HttpHeader &header : request.effectiveHeaders()) {
        const QString line = header.value.isEmpty() ? QString(header.name % u";"_s) : QString(header.name % u": "_s % header.value);
        QVERIFY2(words.contains(line.toUtf8()), qPrintable(line));
    }
}

void TestCurlCommand::chrome()
{
    QStringList notes;
    const Result<HttpRequest> parsed = CurlCommand::toRequest(ChromeCommand, &notes);
    QVERIFY_RESULT(parsed);
    const HttpRequest &r = parsed.value();
    QCOMPARE(r.method, u"POST"_s);
    QCOMPARE(r.url, u"https://api.example.com/v1/items?page=2&q=caf%C3%A9"_s);
    QCOMPARE(r.contentType, u"application/json"_s);
    QCOMPARE(r.headers.size(), 6);
    QCOMPARE(r.header(u"Cookie"_s), u"sid=abc123; theme=dark"_s);
    QCOMPARE(r.header(u"sec-ch-ua"_s), QString::fromUtf8("\"Chromium\";v=\"122\", \"Not(A:Brand\";v=\"24\""));
    QCOMPARE(r.headers.first(), (HttpHeader{u"accept"_s, u"application/json, text/plain, */*"_s}));
    QCOMPARE(r.body, QByteArray("{\"name\":\"O'Brien\",\"note\":\"l\xc3\xad" "nea 1\\nl\xc3\xad" "nea 2\",\"ok\":true!}"));
    QVERIFY(!r.followRedirects);
    QVERIFY(r.verifyTls);
    QCOMPARE(notes, QStringList());
    QVERIFY_RESULT(validateRequest(r));
}

void TestCurlCommand::firefox()
{
    QStringList notes;
    const Result<HttpRequest> parsed = CurlCommand::toRequest(FirefoxCommand, &notes);
    QVERIFY_RESULT(parsed);
    const HttpRequest &r = parsed.value();
    QCOMPARE(r.method, u"PUT"_s);
    QCOMPARE(r.url, u"http://192.168.49.2:31042/api/login"_s);
    QCOMPARE(r.header(u"host"_s), u"api.local"_s);
    QCOMPARE(r.contentType, u"application/x-www-form-urlencoded"_s);
    QCOMPARE(r.body, QByteArray("user=ana&pass=it's"));
    // Accept-Encoding by hand would leave the body compressed: left out, with a note.
    QCOMPARE(r.header(u"Accept-Encoding"_s), QString());
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().contains(u"Accept-Encoding"_s), qPrintable(notes.first()));
    QCOMPARE(r.headers.size(), 5);
}

void TestCurlCommand::options_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<HttpRequest>("expected");
    QTest::addColumn<int>("notes");

    HttpRequest r = request(u"GET"_s, u"http://h/"_s);
    r.followRedirects = false;
    QTest::newRow("bare") << u"curl http://h/"_s << r << 0;
    QTest::newRow("output options ignored") << u"curl -sS -o out.json -w '%{http_code}' --url http://h/ -v"_s << r << 5;
    QTest::newRow("path to curl, double quotes") << u"/usr/bin/curl \"http://h/\""_s << r << 0;
    QTest::newRow("no scheme") << u"curl h/"_s << r << 1;

    HttpRequest combined = r;
    combined.method = u"DELETE"_s;
    combined.verifyTls = false;
    combined.followRedirects = true;
    QTest::newRow("combined short options") << u"curl -skLXDELETE http://h/"_s << combined << 1;

    HttpRequest data = request(u"POST"_s, u"http://h/"_s, "a=1&b=2&c=\"3\"");
    data.followRedirects = false;
    QTest::newRow("-d pieces joined with &") << u"curl http://h/ -d a=1 --data b=2 --data-binary \"c=\\\"3\\\"\""_s << data << 0;

    HttpRequest json = request(u"POST"_s, u"http://h/"_s, "{\"a\": 1}");
    json.followRedirects = false;
    json.contentType = u"application/json"_s;
    json.headers = {{u"Accept"_s, u"application/json"_s}};
    QTest::newRow("--json") << u"curl --json '{\"a\": 1}' http://h/"_s << json << 0;

    HttpRequest user = r;
    user.headers = {{u"Authorization"_s, u"Basic YWxhZGRpbjpvcGVuIHNlc2FtZQ=="_s},
                    {u"User-Agent"_s, u"tester/1"_s}, {u"Referer"_s, u"http://r/"_s}, {u"Cookie"_s, u"a=b"_s}, {u"X-E"_s, QString()}};
    QTest::newRow("-u -A -e -b, empty header")
        << u"curl -u 'aladdin:open sesame' -A tester/1 --referer http://r/ --cookie a=b -H 'X-E;' http://h/"_s << user << 0;
    QTest::newRow("removing header ignored") << u"curl -H 'X-Removed:' http://h/"_s << r << 1;

    HttpRequest head = request(u"HEAD"_s, u"http://h/"_s);
    head.followRedirects = false;
    head.timeoutMs = 2500;
    QTest::newRow("-I and -m") << u"curl -I -m 2.5 http://h/"_s << head << 0;

    HttpRequest continued = r;
    continued.headers = {{u"X-A"_s, u"1"_s}};
    QTest::newRow("line continuations") << u"curl \\\n  http://h/ \\\r\n  -H \\\n 'X-A: 1'"_s << continued << 0;

    HttpRequest ansi = request(u"POST"_s, u"http://h/"_s, "\t\x01\xe9\xc3\xa9\xf0\x9f\x98\x80\xf0\x9f\x98\x80\x1b" "A\\q");
    ansi.followRedirects = false;
    QTest::newRow("$'...' escapes") << QString::fromUtf8(R"(curl http://h/ --data-raw $'\t\x1\xe9\u00e9\ud83d\ude00\U0001F600\e\101\\q')") << ansi << 0;
    QTest::newRow("words glued from quotes") << u"curl 'http'\"://\"h/"_s << r << 0;

    // Found by tests/fuzz: the first Content-Type was kept aside and then hidden by the second.
    HttpRequest twoTypes = r;
    twoTypes.headers = {{u"Content-Type"_s, u"a/n"_s}, {u"content-type"_s, u"a/l"_s}, {u"Content-Type"_s, u"a/n"_s}};
    QTest::newRow("Content-Type three times")
        << u"curl http://h/ -H 'Content-Type: a/n' -H 'content-type: a/l' -H 'Content-Type: a/n'"_s << twoTypes << 0;
}

void TestCurlCommand::options()
{
    QFETCH(QString, command);
    QFETCH(HttpRequest, expected);
    QFETCH(int, notes);
    QStringList lines;
    const Result<HttpRequest> parsed = CurlCommand::toRequest(command, &lines);
    QVERIFY_RESULT(parsed);
    QVERIFY2(parsed.value() == expected, qPrintable(u"gave      "_s % describe(parsed.value()) % u"\nexpected  "_s % describe(expected)));
    QVERIFY2(lines.size() == notes, qPrintable(lines.join(u'\n')));
}

void TestCurlCommand::errors_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QString() << u"not a curl command"_s;
    QTest::newRow("wget") << u"wget http://h/"_s << u"not a curl command"_s;
    QTest::newRow("curlx") << u"curlx http://h/"_s << u"not a curl command"_s;
    QTest::newRow("-G") << u"curl -G http://h/ -d a=1"_s << u"the curl option -G is not supported"_s;
    QTest::newRow("-F") << u"curl -F a=@file http://h/"_s << u"the curl option -F is not supported"_s;
    QTest::newRow("unknown long") << u"curl --retry 3 http://h/"_s << u"the curl option --retry is not supported"_s;
    QTest::newRow("unclosed single") << u"curl 'http://h/"_s << u"a '...' quote is not closed"_s;
    QTest::newRow("unclosed double") << u"curl \"http://h/"_s << u"a \"...\" quote is not closed"_s;
    QTest::newRow("unclosed ansi") << u"curl $'http://h/\\'"_s << u"a $'...' quote is not closed"_s;
    QTest::newRow("pipe") << u"curl http://h/ | jq ."_s << u"the shell's '|' outside quotes"_s;
    QTest::newRow("redirect") << u"curl http://h/ > out"_s << u"the shell's '>' outside quotes"_s;
    QTest::newRow("command substitution") << u"curl $(cat url)"_s << u"the shell's '$' outside quotes"_s;
    QTest::newRow("no URL") << u"curl -s"_s << u"the curl command has no URL"_s;
    QTest::newRow("two URLs") << u"curl http://a/ http://b/"_s << u"the curl command has more than one URL (http://a/, http://b/)"_s;
    QTest::newRow("data from file") << u"curl -d @body.json http://h/"_s << u"-d @FILE reads the body from a file"_s;
    QTest::newRow("missing value") << u"curl http://h/ -H"_s << u"the curl option -H needs a value"_s;
    QTest::newRow("user without password") << u"curl -u ana http://h/"_s << u"-u ana has no password"_s;
    QTest::newRow("cookie file") << u"curl -b cookies.txt http://h/"_s << u"-b cookies.txt names a cookie file"_s;
    QTest::newRow("bad max-time") << u"curl -m soon http://h/"_s << u"-m soon: expected a number of seconds"_s;
    QTest::newRow("header without colon") << u"curl -H 'Bad header' http://h/"_s << u"header \"Bad header\" has no ':'"_s;
}

void TestCurlCommand::errors()
{
    QFETCH(QString, command);
    QFETCH(QString, error);
    const Result<HttpRequest> parsed = CurlCommand::toRequest(command);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().startsWith(error), qPrintable(parsed.error()));
}

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
