# Sourced by minikube_e2e.sh: the cluster's TLS material and its nginx
# configuration (the ingress's Host and path rules, the pods, the default
# backend). Uses work, ingress, api_pod, web_pod, fail and nginx_conf from there.

# A test CA, and a certificate per ingress host (the name in subjectAltName).
make_certs() {
    local tls=$work/tls host serial=1
    mkdir -p "$tls"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
        -subj "/CN=Pasarela e2e test CA" -keyout "$tls/ca.key" -out "$tls/ca.crt" 2>/dev/null \
        || fail "openssl could not make the test CA"
    for host in api.local web.local; do
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$host" \
            -keyout "$tls/$host.key" -out "$tls/$host.csr" 2>/dev/null \
            && openssl x509 -req -in "$tls/$host.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" \
                -set_serial $((serial++)) -days 2 -out "$tls/$host.crt" \
                -extfile <(printf 'subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\n' "$host") 2>/dev/null \
            || fail "openssl could not make the certificate for $host"
    done
}

# pod_server PORT SERVICE POD: a pod answering JSON that names itself.
pod_server() {
    cat <<CONF
    server {
        listen 127.0.0.1:$1;
        location / { return 200 '{"service":"$2","pod":"$3","host":"\$host","path":"\$request_uri"}'; }
    }
CONF
}

# ingress_host NAME LOCATIONS: an ingress rule for Host NAME, on 80 and on 443 with its certificate.
ingress_host() {
    cat <<CONF
    server {
        listen $ingress:80;
        listen $ingress:443 ssl http2;
        server_name $1;
        ssl_certificate $work/tls/$1.crt;
        ssl_certificate_key $work/tls/$1.key;
$2
    }
CONF
}

write_nginx_conf() {
    nginx_conf <<CONF
$(pod_server 8081 api "$api_pod")
$(pod_server 8082 web "$web_pod")
    server {
        listen 127.0.0.1:8083;
        location / { default_type text/plain; return 404 'default backend - 404'; }
    }

    proxy_set_header Host \$host;
    server {
        listen $ingress:80 default_server;
        listen $ingress:443 ssl http2 default_server;
        ssl_reject_handshake on;
        location / { proxy_pass http://127.0.0.1:8083; }
    }
$(ingress_host api.local "        location /api/ { proxy_pass http://127.0.0.1:8081; }
        location /web/ { proxy_pass http://127.0.0.1:8082; }
        location / { proxy_pass http://127.0.0.1:8083; }")
$(ingress_host web.local "        location / { proxy_pass http://127.0.0.1:8082; }")
CONF
}
