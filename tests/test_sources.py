import socket

from flows.sources import SAMPLE_SITE_PORT, _serve_sample_site


def test_the_sample_site_falls_back_to_any_free_port_when_its_own_is_taken():
    blocker = socket.socket()
    try:
        blocker.bind(("127.0.0.1", SAMPLE_SITE_PORT))
        blocker.listen()
    except OSError:
        pass  # already taken by someone else: the same situation
    try:
        with _serve_sample_site() as site:
            assert not site.base_url.endswith(f":{SAMPLE_SITE_PORT}")
            assert site.url("/careers/").startswith("http://127.0.0.1:")
    finally:
        blocker.close()
