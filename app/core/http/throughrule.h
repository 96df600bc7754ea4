#pragma once

#include <QString>

#include "httpmessage.h"
#include "rules/forwardrule.h"

// Sending a request "through a rule", as the window's Through rule button and
// `pasarela run --through RULE` do: to the rule's listen address, so it goes in as an
// outside client's would.

// http://HOST:PORT of the rule's listen address (a wildcard becomes loopback),
// keeping the path, query and fragment of url.
QString urlThroughRule(const QString &url, const ForwardRule &rule);

// The request with its URL through the rule. Without a Host header of its own it gets
// one naming the host (and port) it was written for, which an ingress routes on.
HttpRequest requestThroughRule(const HttpRequest &request, const ForwardRule &rule);
