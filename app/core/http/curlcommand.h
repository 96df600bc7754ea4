#pragma once

#include <QString>
#include <QStringList>

#include "httpmessage.h"
#include "result.h"

// "Copy as curl" and "Paste curl command".
namespace CurlCommand {

// A one-line POSIX shell command that sends the same request with curl:
// curl -X METHOD 'URL' -H 'Name: value' ... --data-raw 'BODY' [-k] [-L] [--max-time S].
// Every argument is single-quoted where needed; disabled headers are left out.
QString fromRequest(const HttpRequest &request);

// Reads a curl command as browsers' "Copy as cURL" and people write it: shell
// quoting ('...', "...", $'...', backslash-newline), -X/--request, -H/--header,
// -d/--data/--data-raw/--data-binary/--data-ascii/--json, -u/--user, -A/--user-agent,
// -b/--cookie, -e/--referer, -I/--head, -k/--insecure, -L/--location, -m/--max-time,
// --url, --compressed; harmless output options (-s, -S, -v, -i, -o...) are
// ignored. Anything else is an error naming the option. `notes` gets one line per
// ignored option.
Result<HttpRequest> toRequest(const QString &command, QStringList *notes = nullptr);

} // namespace CurlCommand
