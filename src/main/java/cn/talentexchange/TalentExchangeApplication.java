package cn.talentexchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TalentExchangeApplication {

	public static void main(String[] args) {
		SpringApplication.run(TalentExchangeApplication.class, args);
	}

}
