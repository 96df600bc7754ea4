# socat command lines, exported by Pasarela @VERSION@ from 5 rules.
# One socat per rule: run each line in its own shell or service.
#
# Not carried over (Pasarela does these, this format cannot):
#   all rules: a reset from one side reaches the other as a normal close
#   rule "api": allow 192.168.1.7/32 (socat takes one range of the listen address's family; those clients are refused)
#   rule "v6": after a half-close the other direction stays open 604800 s at most (socat -t)
#   rule "web": after a half-close the other direction stays open 604800 s at most (socat -t)
#   rule "ha": after a half-close the other direction stays open 604800 s at most (socat -t)
#   rule "ha": the fallback targets 192.168.49.3:30080, 192.168.49.4:30080 (socat connects to one target)
#   rule "api": HTTP inspection (the requests and TLS names it lists)
# Left out:
#   rule "old": disabled

# rule "api"
socat -T 300 -t 300 TCP4-LISTEN:31042,bind=0.0.0.0,reuseaddr,fork,nodelay,max-children=100,range=10.0.0.0/8 TCP:192.168.49.2:80,connect-timeout=2.5,nodelay

# rule "v6"
socat -t 604800 'TCP6-LISTEN:8443,bind=[::1],reuseaddr,fork,nodelay,max-children=16384,range=[fd00::]/8' 'TCP6:[fd00::2]:443,connect-timeout=10,nodelay'

# rule "web"
socat -t 604800 TCP4-LISTEN:30080,bind=127.0.0.1,reuseaddr,fork,nodelay,max-children=16384,range=192.168.0.0/16 TCP:localhost:31080,connect-timeout=10,nodelay

# rule "ha"
socat -t 604800 TCP4-LISTEN:8081,bind=127.0.0.1,reuseaddr,fork,nodelay,max-children=16384 TCP:192.168.49.2:30080,connect-timeout=10,nodelay

# rule "dns"
socat -T 60 -t 60 UDP4-LISTEN:5353,bind=0.0.0.0,reuseaddr,fork,max-children=16384 UDP:192.168.49.2:30053
