# The msckg command line in a container; docker-compose.yml runs it against its Neo4j service.
#   docker build -t msckg:local .
#   docker run --rm -v "$PWD/papers:/papers:ro" msckg:local build /papers -o /tmp/graph.json
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
# .dockerignore keeps tests, notebooks, git history and build output out of the context.
COPY . .
RUN pip install . && rm -rf /src \
    && useradd --uid 1000 --create-home --shell /usr/sbin/nologin msckg

USER msckg
WORKDIR /home/msckg
ENTRYPOINT ["msckg"]
CMD ["--help"]
