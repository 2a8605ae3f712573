import { isManager, useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { AddressBookPage } from '../../features/commerce/components/address-book-page';
import { BuyerOrderPage } from '../../features/commerce/components/buyer-order-page';
import { BuyerOrdersPage } from '../../features/commerce/components/buyer-orders-page';
import { SandboxPayPage } from '../../features/commerce/components/sandbox-pay-page';
import { SellerOrderPage } from '../../features/commerce/components/seller-order-page';
import { SellerOrdersPage } from '../../features/commerce/components/seller-orders-page';

export const BuyerOrdersRoute = BuyerOrdersPage;
export const BuyerOrderRoute = BuyerOrderPage;
export const PayRoute = SandboxPayPage;
export const AddressBookRoute = AddressBookPage;
export const SellerOrdersRoute = SellerOrdersPage;
/** Refunds are approved by the seller's owners and admins; everyone in the shop may ship. */
export const SellerOrderRoute = () => <SellerOrderPage canApproveRefunds={isManager(useSignedInUser())} />;
