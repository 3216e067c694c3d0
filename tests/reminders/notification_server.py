"""A stand-in desktop notification server for tests: records every notification it is sent.

Usage: python notification_server.py BUS_ADDRESS LOG_FILE [answer|silent]
'silent' receives calls and never replies, like a hung notification daemon.
"""

from __future__ import annotations

import json
import sys

from jeepney import HeaderFields, MessageType, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"
INTROSPECTION = """<node><interface name="org.freedesktop.Notifications">
<method name="Notify"><arg type="s" direction="in"/><arg type="u" direction="in"/>
<arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="s" direction="in"/>
<arg type="as" direction="in"/><arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
<arg type="u" direction="out"/></method>
<method name="GetCapabilities"><arg type="as" direction="out"/></method>
<method name="GetServerInformation"><arg type="s" direction="out"/><arg type="s" direction="out"/>
<arg type="s" direction="out"/><arg type="s" direction="out"/></method>
<method name="CloseNotification"><arg type="u" direction="in"/></method>
</interface></node>"""


def main() -> None:
    address, log_path, mode = sys.argv[1], sys.argv[2], (sys.argv[3] if len(sys.argv) > 3 else "answer")
    connection = open_dbus_connection(bus=address)
    connection.send_and_get_reply(message_bus.RequestName(NAME))
    print("ready", flush=True)
    count = 0
    while True:
        message = connection.receive()
        if message.header.message_type != MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        if member == "Notify":
            app, _, _, summary, body, _, _, timeout = message.body
            with open(log_path, "a") as log:
                log.write(json.dumps({"app": app, "summary": summary, "body": body, "timeout": timeout}) + "\n")
        if mode == "silent":
            continue
        if member == "Notify":
            count += 1
            connection.send(new_method_return(message, "u", (count,)))
        elif member == "GetCapabilities":
            connection.send(new_method_return(message, "as", (["body"],)))
        elif member == "GetServerInformation":
            connection.send(new_method_return(message, "ssss", ("test", "coach", "1", "1.2")))
        elif member == "Introspect":
            connection.send(new_method_return(message, "s", (INTROSPECTION,)))
        else:
            connection.send(new_method_return(message))


if __name__ == "__main__":
    main()
