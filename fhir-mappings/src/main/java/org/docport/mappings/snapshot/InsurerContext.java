package org.docport.mappings.snapshot;

import java.util.List;

/**
 * The insurer a doctor's data is being published to, with the networks the doctor joins there.
 *
 * @param id DocPort's id of the insurer
 * @param identifier the insurer's own organisation identifier
 * @param address the insurer's own postal address; optional, but Plan-Net requires one on the
 *     insurer's Organization, which is published only when it is known
 */
public record InsurerContext(
    String id, String name, Identifier identifier, List<Network> networks, Address address) {

  /** An insurer without a known address. */
  public InsurerContext(String id, String name, Identifier identifier, List<Network> networks) {
    this(id, name, identifier, networks, null);
  }

  /**
   * An insurer's provider network (Plan-Net {@code Network}), sold as one insurance product.
   *
   * @param productType the Plan-Net InsuranceProductTypeCS code of the product the network serves
   *     ({@code commppo}, {@code qhp}, ...), the InsurancePlan's type; {@link
   *     #DEFAULT_PRODUCT_TYPE} when absent
   */
  public record Network(String id, String name, String productType) {

    /** Commercial PPO: an open network a member may see any doctor of, as OPD cover is sold. */
    public static final String DEFAULT_PRODUCT_TYPE = "commppo";

    /** A network of the default product type. */
    public Network(String id, String name) {
      this(id, name, null);
    }
  }
}
