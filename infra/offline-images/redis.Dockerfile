# Stand-in for Docker Hub's redis:7: Debian bookworm's Redis 7.0, reachable over the containers'
# network without a password as the official image is (protected mode off).
FROM px-offline/debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends redis-server redis-tools && rm -rf /var/lib/apt/lists/* \
 && printf '#!/bin/sh\nexec /usr/bin/redis-server --protected-mode no --bind 0.0.0.0 "$@"\n' > /usr/local/bin/redis-server \
 && chmod +x /usr/local/bin/redis-server
USER redis
EXPOSE 6379
CMD ["redis-server"]
