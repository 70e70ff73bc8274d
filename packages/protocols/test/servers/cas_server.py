#!/usr/bin/python3
"""Serve Debian's django-cas-server (python3-django-cas-server 2.0.0) on 127.0.0.1 for the CAS tests.

Usage: /usr/bin/python3 cas_server.py DATA_DIR

Django is configured in code (no project skeleton); the sqlite database lives in
DATA_DIR, which the caller creates and deletes. The socket is bound to port 0 so
the OS picks a free port with no race; the port is printed as
"CAS_SERVER_LISTENING <port>" once the server accepts connections.

Must run under Debian's /usr/bin/python3: Django and cas_server live in its dist-packages.
"""
import os
import socketserver
import sys

data_dir = sys.argv[1]

# This file is named like the Django app it serves; drop its own folder from the
# import path so that `import cas_server` finds the app, not this script.
here = os.path.dirname(os.path.abspath(__file__))
sys.path = [entry for entry in sys.path if os.path.abspath(entry or ".") != here]

import django  # noqa: E402
from django.conf import settings  # noqa: E402

settings.configure(
    DEBUG=False,
    SECRET_KEY="cas-tests-only-not-a-secret-0000000000000000",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
        "cas_server",
    ],
    MIDDLEWARE=[
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ],
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.request",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                ]
            },
        }
    ],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(data_dir, "db.sqlite3")}},
    USE_TZ=True,
    TIME_ZONE="UTC",
    LANGUAGE_CODE="en",
    STATIC_URL="/static/",
    # One fixed test user with the attributes the tests check (memberOf is multi-valued).
    CAS_AUTH_CLASS="cas_server.auth.TestAuthUser",
    CAS_TEST_USER="casuser",
    CAS_TEST_PASSWORD="cas-password",
    CAS_TEST_ATTRIBUTES={
        "email": "casuser@example.test",
        "displayName": "Cas User & Co",
        "memberOf": ["staff", "admins", "dev ops"],
    },
    CAS_NEW_VERSION_HTML_WARNING=False,
    CAS_NEW_VERSION_EMAIL_WARNING=False,
    CAS_SHOW_POWERED=False,
    # The pgtUrl receiver is plain http on loopback; there is no CA to check.
    CAS_PROXY_CA_CERTIFICATE_PATH=True,
    CAS_SLO_TIMEOUT=1,
    LOGGING={
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"stderr": {"class": "logging.StreamHandler"}},
        "loggers": {"cas_server": {"handlers": ["stderr"], "level": "INFO"}},
    },
)
django.setup()

from django.urls import include, path  # noqa: E402

urlpatterns = [path("cas/", include("cas_server.urls", namespace="cas_server"))]

from django.core.management import call_command  # noqa: E402

call_command("migrate", verbosity=0, interactive=False)

from cas_server.models import ReplaceAttributName, ServicePattern  # noqa: E402

# Every loopback service may log in, get a PGT (proxy_callback) and proxy
# tickets (proxy); "*" releases every attribute under its own name.
pattern = ServicePattern.objects.create(
    pos=1,
    name="loopback",
    pattern=r"^https?://(127\.0\.0\.1|localhost)(:\d+)?(/.*)?$",
    proxy=True,
    proxy_callback=True,
    single_log_out=False,
)
ReplaceAttributName.objects.create(name="*", service_pattern=pattern)

from wsgiref.simple_server import WSGIRequestHandler  # noqa: E402

from django.core.servers.basehttp import WSGIServer  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402


class ThreadedServer(socketserver.ThreadingMixIn, WSGIServer):
    # The server calls the pgtUrl receiver while the test waits on it: needs threads.
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        sys.stderr.write("%s\n" % (format % args))


server = ThreadedServer(("127.0.0.1", 0), QuietHandler, ipv6=False)
server.set_app(get_wsgi_application())
print("CAS_SERVER_LISTENING %d" % server.server_port, flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
