"""A WSGI application with no database, to test the production server configuration alone."""


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return ["服务正常".encode()]
