filedesc://x.arc 0.0.0.0 20240305000000 text/plain 76
1 0 test
URL IP-address Archive-date Content-type Archive-length


https://example.gov.vn/c.html 10.0.0.1 20240305000000 text/html 124
HTTP/1.1 200 OK
Content-Type: text/html; charset=utf-8

<html><body><p>Đồng chí A chủ trì họp.</p></body></html>
