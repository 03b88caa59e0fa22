package org.docport.hub.smart;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** SMART Backend Services, wired. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmartSettings.class)
class SmartSecurityConfiguration {}
