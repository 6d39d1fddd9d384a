text("Hello", direction = "rtl", halign = "right");
