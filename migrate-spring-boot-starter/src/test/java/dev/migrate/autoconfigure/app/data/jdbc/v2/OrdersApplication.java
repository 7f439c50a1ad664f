package dev.migrate.autoconfigure.app.data.jdbc.v2;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrdersApplication {

}
