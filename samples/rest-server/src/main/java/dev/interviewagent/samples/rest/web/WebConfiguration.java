package dev.interviewagent.samples.rest.web;

import dev.interviewagent.samples.rest.RestSettings;
import dev.interviewagent.samples.rest.access.AdminAccess;
import dev.interviewagent.samples.rest.ratelimit.RateLimitFilter;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The servlet side: rate limits first, then the body limit, the admin gate on {@code /api/admin/**}, the operator
 * page at {@code /admin/}, and multipart limits from {@code rest.max-audio-bytes}.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    /** Room for the multipart framing around the largest recording. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final AdminAccess adminAccess;

    public WebConfiguration(AdminAccess adminAccess) {
        this.adminAccess = adminAccess;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(adminAccess).addPathPatterns("/api/admin/**");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/admin", "/admin/");
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RestSettings settings) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(settings.rateLimit()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(RestSettings settings) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(settings));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PageHeadersFilter> pageHeadersFilter() {
        FilterRegistrationBean<PageHeadersFilter> registration = new FilterRegistrationBean<>(new PageHeadersFilter());
        registration.addUrlPatterns("/admin", "/admin/*");
        return registration;
    }

    /** A recording up to {@code rest.max-audio-bytes}, spooled to a temporary file rather than held in memory. */
    @Bean
    MultipartConfigElement multipartConfigElement(RestSettings settings) {
        long max = settings.maxAudioBytes().toBytes();
        return new MultipartConfigElement(null, max, max + MULTIPART_OVERHEAD, 0);
    }
}
